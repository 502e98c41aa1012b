# Jinja's code for the template 'notice/page.html.j2', made by harmonien_ropa.outputs.precompiled:
# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).
# key: 879ad4a2245317ab6ac29db001b07d2fd94339e043cace23d9a116bfba6af78b
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notice/page.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fragment = resolve('fragment')
    l_0_lang = resolve('lang')
    l_0_body = resolve('body')
    l_0_s = resolve('s')
    l_0_org_name = resolve('org_name')
    l_0_other_languages = resolve('other_languages')
    pass
    if (undefined(name='fragment') if l_0_fragment is missing else l_0_fragment):
        pass
        yield '<article class="privacy-notice" lang="'
        yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
        yield '">\n'
        yield escape((undefined(name='body') if l_0_body is missing else l_0_body))
        yield '</article>\n'
    else:
        pass
        yield '<!DOCTYPE html>\n<html lang="'
        yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
        yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title'))
        yield ' – '
        yield escape((undefined(name='org_name') if l_0_org_name is missing else l_0_org_name))
        yield '</title>\n'
        for l_1_other in (undefined(name='other_languages') if l_0_other_languages is missing else l_0_other_languages):
            _loop_vars = {}
            pass
            yield '<link rel="alternate" hreflang="'
            yield escape(l_1_other)
            yield '" href="notice.'
            yield escape(l_1_other)
            yield '.html">\n'
        l_1_other = missing
        yield '<style>\n'
        template = environment.get_template('notice/notice.css', 'notice/page.html.j2')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        yield '</style>\n</head>\n<body>\n<a class="skip" href="#main">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'skip_link'))
        yield '</a>\n<main id="main" class="privacy-notice">\n'
        yield escape((undefined(name='body') if l_0_body is missing else l_0_body))
        yield '</main>\n</body>\n</html>\n'

blocks = {}
debug_info = '1=17&2=20&3=22&6=27&10=29&11=33&12=37&15=43&19=50&21=52'
