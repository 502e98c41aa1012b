# Jinja's code for the template 'record/record.html.j2', made by harmonien_ropa.outputs.precompiled:
# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).
# key: 294861a7141f36747ccc1fb48efd54a3ebad4eb0e59d6950d8413f279b76dda5
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'record/record.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_record = resolve('record')
    l_0_s = resolve('s')
    l_0_meta = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'lang'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'title'))
    yield ' – '
    yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'organisation'))
    yield '</title>\n<style>\n:root { --ink: #1a1a1a; --muted: #555; --line: #c5ccd6; --head: #e8edf3; --accent: #1f4e79; }\n* { box-sizing: border-box; }\nbody { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);\n  background: #fff; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 90rem; line-height: 1.45; font-size: 0.95rem; }\nh1 { font-size: 1.7rem; margin: 0.5rem 0 0.2rem; color: var(--accent); }\nh2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; }\nh3 { font-size: 1.1rem; margin: 1.8rem 0 0.5rem; }\na { color: #0b4f8a; }\n.subtitle, .generated { color: var(--muted); margin: 0.2rem 0; }\n.legend { background: #f6f8fa; border-left: 4px solid var(--accent); padding: 0.6rem 0.9rem; }\nnav ol { columns: 2 22rem; margin: 0.3rem 0; }\ntable { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }\ncaption { text-align: left; font-weight: 600; padding: 0.3rem 0; }\nth, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }\nthead th { background: var(--head); }\ntable.item th[scope="row"] { width: 24rem; background: #f6f8fa; font-weight: 600; }\n.art { display: block; font-weight: 400; color: var(--muted); font-size: 0.85em; }\ntd ul { margin: 0; padding-left: 1.1rem; }\ntr.assumed > td { background: #fffbe6; }\ntr.missing > td { background: #fdeee6; }\n.badge { display: inline-block; font-size: 0.8em; font-weight: 700; border-radius: 0.25rem;\n  padding: 0 0.35rem; margin: 0.15rem 0; }\n.badge.assumed { background: #ffe680; color: #3d2e00; border: 1px solid #8a6d00; }\n.badge.missing { background: #f8cbad; color: #5a1800; border: 1px solid #a33a00; }\n.assumed-box { margin-top: 0.3rem; font-size: 0.9em; }\n.notes { color: #333; }\n.na { color: var(--muted); font-style: italic; }\ncode { font-size: 0.85em; }\n.scroll { overflow-x: auto; position: relative; }\n.scroll:focus { outline: 2px solid var(--accent); }\n.wide { font-size: 0.85rem; min-width: 60rem; }\nth, td, code, a, h1, h2, h3 { overflow-wrap: break-word; }\n.wide th, .wide td { min-width: 9rem; }\n.wide .w-narrow { min-width: 6rem; }\n.wide .w-wide { min-width: 18rem; }\n.wide th[scope="row"] { min-width: 8rem; }\n@media (max-width: 48rem) {\n  body { padding: 0.5rem 0.75rem 2rem; }\n  h1 { font-size: 1.35rem; }\n  table.item, table.item tbody, table.item tr, table.item th, table.item td { display: block; width: auto; }\n  table.item thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }\n  table.item th[scope="row"] { width: auto; border-bottom: 0; }\n  table.item tr { margin-bottom: 0.5rem; }\n  nav ol { columns: 1; padding-left: 1.2rem; }\n}\n@page { size: A4 landscape; margin: 12mm; }\n@media print {\n  body { max-width: none; padding: 0; font-size: 8.5pt; }\n  nav, .skip { display: none; }\n  h2 { break-before: page; }\n  h3, caption { break-after: avoid; }\n  tr { break-inside: avoid; }\n  .scroll { overflow: visible; }\n  .wide { min-width: 0; font-size: 7.5pt; table-layout: fixed; }\n  .wide th.w-wide { width: 17%; }\n  .wide th.w-narrow { width: 6%; }\n  .wide th, .wide td, .wide .w-narrow, .wide .w-wide, .wide th[scope="row"] { min-width: 0; overflow-wrap: anywhere; hyphens: auto; }\n  a { color: inherit; text-decoration: none; }\n}\n.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }\n.skip { position: absolute; left: -999rem; }\n.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.3rem; }\n</style>\n</head>\n<body>\n<a class="skip" href="#main">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'contents'))
    yield '</a>\n<header>\n<h1>'
    yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'title'))
    yield '</h1>\n<p class="subtitle">'
    yield escape(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'organisation'))
    yield ' – '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'subtitle'))
    yield '</p>\n'
    l_0_meta = environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'meta')
    context.vars['meta'] = l_0_meta
    context.exported_vars.add('meta')
    yield '<p class="generated">'
    l_1_loop = missing
    for l_1_column, l_1_loop in LoopContext(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'columns'), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.getattr(l_1_column, 'label'))
        yield ': '
        yield escape(context.call(environment.getattr(environment.getitem(environment.getattr(environment.getitem(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rows'), 0), 'cells'), environment.getattr(l_1_loop, 'index0')), 'joined'), _loop_vars=_loop_vars))
        if environment.getattr(environment.getitem(environment.getattr(environment.getitem(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rows'), 0), 'cells'), environment.getattr(l_1_loop, 'index0')), 'assumptions'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumed_badge'))
            yield ')'
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ' · '
    l_1_loop = l_1_column = missing
    yield '</p>\n<p class="legend">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legend'))
    yield ' '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'generated_from'))
    yield '</p>\n</header>\n<nav aria-labelledby="toc-heading">\n<h2 id="toc-heading">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'contents'))
    yield '</h2>\n<ol>\n'
    for l_1_table in context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'tables')):
        l_1_anchor = resolve('anchor')
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 't', environment.getattr(l_1_table, 'key'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr(l_1_table, 'title'))
        yield '</a>\n'
        if (environment.getattr(l_1_table, 'key') in ('activities', 'processor')):
            pass
            yield '<ol>\n'
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), environment.getattr(l_1_table, 'key'), environment.getattr(l_2_row, 'key'), _loop_vars=_loop_vars))
                yield '">'
                yield escape(context.call(environment.getattr(context.call(environment.getattr(l_1_table, 'cell'), l_2_row, 'name', _loop_vars=_loop_vars), 'joined'), _loop_vars=_loop_vars))
                yield '</a></li>\n'
            l_2_row = missing
            yield '</ol>\n'
        yield '</li>\n'
    l_1_table = l_1_anchor = missing
    yield '</ol>\n</nav>\n<main id="main">\n'
    for l_1_table in context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'tables')):
        l_1_anchor = resolve('anchor')
        l_1_vertical = resolve('vertical')
        l_1_value = resolve('value')
        _loop_vars = {}
        pass
        yield '<section aria-labelledby="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 't', environment.getattr(l_1_table, 'key'), _loop_vars=_loop_vars))
        yield '">\n<h2 id="'
        yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 't', environment.getattr(l_1_table, 'key'), _loop_vars=_loop_vars))
        yield '">'
        yield escape(environment.getattr(l_1_table, 'title'))
        yield '</h2>\n'
        if (environment.getattr(l_1_table, 'key') in (undefined(name='vertical') if l_1_vertical is missing else l_1_vertical)):
            pass
            for l_2_row in environment.getattr(l_1_table, 'rows'):
                l_2_name = resolve('name')
                _loop_vars = {}
                pass
                if (environment.getattr(l_1_table, 'key') in ('activities', 'processor')):
                    pass
                    l_2_name = context.call(environment.getattr(context.call(environment.getattr(l_1_table, 'cell'), l_2_row, 'name', _loop_vars=_loop_vars), 'joined'), _loop_vars=_loop_vars)
                    _loop_vars['name'] = l_2_name
                    yield '<section aria-labelledby="'
                    yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), environment.getattr(l_1_table, 'key'), environment.getattr(l_2_row, 'key'), _loop_vars=_loop_vars))
                    yield '">\n<h3 id="'
                    yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), environment.getattr(l_1_table, 'key'), environment.getattr(l_2_row, 'key'), _loop_vars=_loop_vars))
                    yield '">'
                    yield escape((undefined(name='name') if l_2_name is missing else l_2_name))
                    yield '</h3>\n'
                    yield escape(context.call(environment.getattr((undefined(name='value') if l_1_value is missing else l_1_value), 'item_table'), l_1_table, l_2_row, (undefined(name='name') if l_2_name is missing else l_2_name), _loop_vars=_loop_vars))
                    yield '\n</section>\n'
                else:
                    pass
                    yield escape(context.call(environment.getattr((undefined(name='value') if l_1_value is missing else l_1_value), 'item_table'), l_1_table, l_2_row, environment.getattr(l_1_table, 'title'), _loop_vars=_loop_vars))
                    yield '\n'
            l_2_row = l_2_name = missing
        elif environment.getattr(l_1_table, 'rows'):
            pass
            yield '<div class="scroll" role="region" tabindex="0" aria-labelledby="'
            yield escape(context.call((undefined(name='anchor') if l_1_anchor is missing else l_1_anchor), 't', environment.getattr(l_1_table, 'key'), _loop_vars=_loop_vars))
            yield '">\n<table class="wide">\n<caption>'
            yield escape(environment.getattr(l_1_table, 'title'))
            yield ' ('
            yield escape(t_1(environment.getattr(l_1_table, 'rows')))
            yield ')</caption>\n<thead><tr>\n'
            for l_2_column in environment.getattr(l_1_table, 'columns'):
                _loop_vars = {}
                pass
                yield '<th scope="col"'
                if (environment.getattr(l_2_column, 'width') != 30):
                    pass
                    yield ' class="'
                    yield escape(('w-wide' if (environment.getattr(l_2_column, 'width') > 30) else 'w-narrow'))
                    yield '"'
                yield '>'
                yield escape(environment.getattr(l_2_column, 'label'))
                yield '</th>'
            l_2_column = missing
            yield '</tr></thead>\n<tbody>\n'
            yield escape(context.call(environment.getattr((undefined(name='value') if l_1_value is missing else l_1_value), 'wide_rows'), l_1_table, _loop_vars=_loop_vars))
            yield '</tbody>\n</table>\n</div>\n'
        else:
            pass
            yield '<p class="na">'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'no_rows'))
            yield '</p>\n'
        yield '</section>\n'
    l_1_table = l_1_anchor = l_1_vertical = l_1_value = missing
    yield '</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '5=21&9=23&76=27&78=29&79=31&80=35&81=40&82=56&85=60&87=62&88=67&89=71&91=74&92=78&101=87&102=94&103=96&104=100&105=102&106=106&107=108&108=111&109=113&110=117&113=121&116=124&117=127&119=129&121=133&124=147&128=152'
