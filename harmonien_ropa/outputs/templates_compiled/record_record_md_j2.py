# Jinja's code for the template 'record/record.md.j2', made by harmonien_ropa.outputs.precompiled:
# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).
# key: d6e33164281a0569f0a0955468ce796a2ed9e3d03cd2094bc53484506fffdbaf
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'record/record.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_md = resolve('md')
    l_0_record = resolve('record')
    l_0_s = resolve('s')
    l_0_meta = missing
    pass
    yield '# '
    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'title')))
    yield '\n\n'
    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'organisation')))
    yield ' – '
    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'subtitle')))
    yield '\n\n'
    l_0_meta = environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'meta')
    context.vars['meta'] = l_0_meta
    context.exported_vars.add('meta')
    l_1_loop = missing
    for l_1_column, l_1_loop in LoopContext(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'columns'), undefined):
        l_1_mdvalue = resolve('mdvalue')
        _loop_vars = {}
        pass
        yield '- '
        yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr(l_1_column, 'label'), _loop_vars=_loop_vars))
        yield ': '
        yield str(context.call((undefined(name='mdvalue') if l_1_mdvalue is missing else l_1_mdvalue), environment.getitem(environment.getattr(environment.getitem(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rows'), 0), 'cells'), environment.getattr(l_1_loop, 'index0')), _loop_vars=_loop_vars))
        yield '\n'
    l_1_loop = l_1_column = l_1_mdvalue = missing
    yield '\n'
    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legend')))
    yield ' '
    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'generated_from')))
    yield '\n'
    def t_1(fiter):
        for l_1_table in fiter:
            if (environment.getattr(l_1_table, 'key') != 'meta'):
                yield l_1_table
    l_1_loop = missing
    for l_1_table, l_1_loop in LoopContext(t_1(context.call(environment.getattr((undefined(name='record') if l_0_record is missing else l_0_record), 'tables'))), undefined):
        l_1_vertical = resolve('vertical')
        l_1_mdvalue = resolve('mdvalue')
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr(l_1_table, 'title'), _loop_vars=_loop_vars))
        yield '\n\n'
        if (environment.getattr(l_1_table, 'key') in (undefined(name='vertical') if l_1_vertical is missing else l_1_vertical)):
            pass
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_table, 'rows'), undefined):
                _loop_vars = {}
                pass
                if (environment.getattr(l_1_table, 'key') in ('activities', 'processor')):
                    pass
                    yield '### '
                    yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), context.call(environment.getattr(context.call(environment.getattr(l_1_table, 'cell'), l_2_row, 'name', _loop_vars=_loop_vars), 'joined'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
                    yield '\n\n'
                yield str(context.call(environment.getattr((undefined(name='mdvalue') if l_1_mdvalue is missing else l_1_mdvalue), 'item_table'), l_1_table, l_2_row, _loop_vars=_loop_vars))
                yield '\n'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '\n'
            l_2_loop = l_2_row = missing
        elif environment.getattr(l_1_table, 'rows'):
            pass
            yield '|'
            for l_2_column in environment.getattr(l_1_table, 'columns'):
                _loop_vars = {}
                pass
                yield ' '
                yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr(l_2_column, 'label'), _loop_vars=_loop_vars))
                yield ' |'
            l_2_column = missing
            yield '\n|'
            for l_2_column in environment.getattr(l_1_table, 'columns'):
                _loop_vars = {}
                pass
                yield ' --- |'
            l_2_column = missing
            yield '\n'
            yield str(context.call(environment.getattr((undefined(name='mdvalue') if l_1_mdvalue is missing else l_1_mdvalue), 'wide_rows'), l_1_table, _loop_vars=_loop_vars))
            yield '\n'
        else:
            pass
            yield '*'
            yield str(context.call((undefined(name='md') if l_0_md is missing else l_0_md), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'no_rows'), _loop_vars=_loop_vars))
            yield '*\n'
    l_1_loop = l_1_table = l_1_vertical = l_1_mdvalue = missing

blocks = {}
debug_info = '4=16&6=18&8=22&9=26&10=31&13=37&14=41&16=52&18=54&19=57&20=60&21=63&24=65&25=67&29=71&30=74&32=82&34=88&36=93'
