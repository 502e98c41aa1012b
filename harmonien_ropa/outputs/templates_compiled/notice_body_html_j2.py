# Longer than 400 lines: generated, one template's code; Jinja's code for the template 'notice/body.html.j2', made by harmonien_ropa.outputs.precompiled:
# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).
# key: a575fbd804a9597d14fa499ed0d304c4e9e46216b6b6947d90d0a7990cab5da7
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notice/body.html.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_H1 = resolve('H1')
    l_0_s = resolve('s')
    l_0_v = resolve('v')
    l_0_say = resolve('say')
    l_0_marks = resolve('marks')
    l_0_other_languages = resolve('other_languages')
    l_0_page_only = resolve('page_only')
    l_0_not_ready = resolve('not_ready')
    l_0_final_command = resolve('final_command')
    l_0_draft = resolve('draft')
    l_0_fact = resolve('fact')
    l_0_H2 = resolve('H2')
    l_0_changes = resolve('changes')
    l_0_mail = resolve('mail')
    l_0_rep = resolve('rep')
    l_0_listing = resolve('listing')
    l_0_numbering = resolve('numbering')
    l_0_c = l_0_tr = missing
    try:
        t_1 = environment.filters['fill']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'fill' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<header>\n<'
    yield escape((undefined(name='H1') if l_0_H1 is missing else l_0_H1))
    yield '>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title'))
    yield ' – '
    yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'org_name'))
    yield '</'
    yield escape((undefined(name='H1') if l_0_H1 is missing else l_0_H1))
    yield '>\n<p class="meta">'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'version'), 'value')))
    yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'version'), 'marks')))
    yield '</p>\n'
    if (undefined(name='other_languages') if l_0_other_languages is missing else l_0_other_languages):
        pass
        yield escape((undefined(name='page_only') if l_0_page_only is missing else l_0_page_only))
        yield '<p class="languages">'
        for l_1_other in (undefined(name='other_languages') if l_0_other_languages is missing else l_0_other_languages):
            _loop_vars = {}
            pass
            yield '<a href="notice.'
            yield escape(l_1_other)
            yield '.html" hreflang="'
            yield escape(l_1_other)
            yield '" lang="'
            yield escape(l_1_other)
            yield '">'
            yield escape(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), ('other_language_nb_beside_nn' if ((l_1_other == 'nb') and (('nn' in (undefined(name='other_languages') if l_0_other_languages is missing else l_0_other_languages)) or (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'lang') == 'nn'))) else markup_join(('other_language_', l_1_other, )))))
            yield '</a>'
        l_1_other = missing
        yield '</p>\n'
        yield escape((undefined(name='page_only') if l_0_page_only is missing else l_0_page_only))
    yield '</header>\n'
    if (undefined(name='not_ready') if l_0_not_ready is missing else l_0_not_ready):
        pass
        yield '<p id="not-ready" class="not-ready" role="note"><strong>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_ready_title'))
        yield '</strong> '
        yield escape((undefined(name='not_ready') if l_0_not_ready is missing else l_0_not_ready))
        yield ' '
        yield escape(t_1(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_ready_how'), command=(undefined(name='final_command') if l_0_final_command is missing else l_0_final_command)))
        yield '</p>\n'
    if (undefined(name='draft') if l_0_draft is missing else l_0_draft):
        pass
        yield '<p class="draft" role="note">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'draft_banner'))
        yield '</p>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'introduction'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'introduction')))
        yield '</p>\n'
    yield '<nav class="toc" aria-labelledby="toc-heading-'
    yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'lang'))
    yield '">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="toc-heading-'
    yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'lang'))
    yield '">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'toc'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<ol>\n<li><a href="#controller">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'controller_heading'))
    yield '</a></li>\n<li><a href="#data">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'data_heading'))
    yield '</a></li>\n<li><a href="#purposes">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'purposes_heading'))
    yield '</a>\n<ol>\n'
    for l_1_a in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'activities'):
        _loop_vars = {}
        pass
        yield '<li><a href="#activity-'
        yield escape(environment.getattr(l_1_a, 'id'))
        yield '">'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_a, 'name'), _loop_vars=_loop_vars))
        yield '</a></li>\n'
    l_1_a = missing
    yield '</ol>\n</li>\n<li><a href="#recipients">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'recipients_heading'))
    yield '</a></li>\n<li><a href="#transfers">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfers_heading'))
    yield '</a></li>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'marketing'):
        pass
        yield '<li><a href="#marketing">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_heading'))
        yield '</a></li>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies'):
        pass
        yield '<li><a href="#cookies">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookies_heading'))
        yield '</a></li>\n'
    if ((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary') or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems')) or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine')):
        pass
        yield '<li><a href="#security">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'security_heading'))
        yield '</a></li>\n'
    yield '<li><a href="#rights">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rights_heading'))
    yield '</a></li>\n<li><a href="#contact">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'contact_heading'))
    yield '</a></li>\n'
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        yield '<li><a href="#changes">'
        yield escape(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'heading'))
        yield '</a></li>\n'
    if (undefined(name='draft') if l_0_draft is missing else l_0_draft):
        pass
        yield '<li><a href="#assumptions">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumptions_heading'))
        yield '</a></li>\n'
    yield '</ol>\n</nav>\n'
    if ((not (undefined(name='draft') if l_0_draft is missing else l_0_draft)) and environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'provisional')):
        pass
        yield '<p class="notice-box provisional-note">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'provisional_note'))
        yield '</p>\n'
    yield '\n<section id="controller" aria-labelledby="controller-h">\n'
    l_0_c = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'controller')
    context.vars['c'] = l_0_c
    context.exported_vars.add('c')
    yield '<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="controller-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'controller_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<p>'
    yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'intro')))
    yield '</p>\n<dl class="facts">\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'legal_form'):
        pass
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legal_form'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'legal_form')))
        yield '</dd>\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'represented_by'):
        pass
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'represented_by'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'represented_by')))
        yield '</dd>\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'):
        pass
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'address'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'), 'value')))
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address_country'):
            pass
            yield ', '
            yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address_country'))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'), 'marks')))
        yield '</dd>\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'website'):
        pass
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'website'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'website')))
        yield '</dd>\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'privacy_contact'):
        pass
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'privacy_contact'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'privacy_contact')))
        yield '</dd>\n'
    yield '<dt>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'dpo_label'))
    yield '</dt><dd>\n'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'statement')))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'email'):
        pass
        yield ' '
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email'))
        yield ': '
        yield escape(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'email')))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'phone'):
        pass
        yield ' '
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone'))
        yield ': '
        yield escape(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'phone'))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'reason'):
        pass
        yield ' '
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'reason')))
    yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'marks')))
    yield '</dd>\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative'):
        pass
        l_0_rep = environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative')
        context.vars['rep'] = l_0_rep
        context.exported_vars.add('rep')
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'representative_label'))
        yield '</dt><dd class="representative">'
        yield escape(environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'name'))
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'role'):
            pass
            yield ' ('
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'role')))
            yield ')'
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'email'):
            pass
            yield ' '
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email'))
            yield ': '
            yield escape(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'email')))
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'phone'):
            pass
            yield ' '
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone'))
            yield ': '
            yield escape(environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'phone'))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'marks')))
        yield '</dd>\n'
    yield '</dl>\n</section>\n\n<section id="data" aria-labelledby="data-h">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="data-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'data_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<p>'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'categories_intro')))
    yield '</p>\n<ul>\n'
    for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'categories'):
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'name'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_c, 'special'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'special_category'))
            yield ')'
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_c, 'description'):
            pass
            yield '. '
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'description'), _loop_vars=_loop_vars))
        yield '</li>\n'
    l_1_c = missing
    yield '</ul>\n'
    for l_1_note in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'national_id'):
        _loop_vars = {}
        pass
        yield '<p>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'national_id_note'))
        yield ' '
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_1_note, _loop_vars=_loop_vars))
        yield '</p>\n'
    l_1_note = missing
    yield '</section>\n\n<section id="purposes" aria-labelledby="purposes-h">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="purposes-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'purposes_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n'
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'activities'), undefined):
        l_1_H3 = resolve('H3')
        _loop_vars = {}
        pass
        yield '<section id="activity-'
        yield escape(environment.getattr(l_1_a, 'id'))
        yield '" class="card activity" aria-labelledby="activity-'
        yield escape(environment.getattr(l_1_a, 'id'))
        yield '-h">\n<'
        yield escape((undefined(name='H3') if l_1_H3 is missing else l_1_H3))
        yield ' id="activity-'
        yield escape(environment.getattr(l_1_a, 'id'))
        yield '-h">'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_a, 'name'), _loop_vars=_loop_vars))
        yield '</'
        yield escape((undefined(name='H3') if l_1_H3 is missing else l_1_H3))
        yield '>\n<p>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'purpose'), _loop_vars=_loop_vars))
        yield '</p>\n'
        if environment.getattr(l_1_a, 'description'):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'description'), _loop_vars=_loop_vars))
            yield '</p>'
        yield '<dl class="facts">\n<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'about_whom'))
        yield '</dt>\n<dd>'
        yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'subjects'), _loop_vars=_loop_vars))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'subjects_marks'), _loop_vars=_loop_vars))
        yield '</dd>\n<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'data_used'))
        yield '</dt>\n<dd>'
        yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'categories'), _loop_vars=_loop_vars))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'categories_marks'), _loop_vars=_loop_vars))
        yield '</dd>\n<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legal_basis'))
        yield '</dt>\n'
        if environment.getattr(l_1_a, 'legal_bases'):
            pass
            yield '<dd class="legal-basis"><ul>\n'
            for l_2_b in environment.getattr(l_1_a, 'legal_bases'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_b, _loop_vars=_loop_vars))
                yield '</li>\n'
            l_2_b = missing
            yield '</ul></dd>\n'
        else:
            pass
            yield '<dd class="legal-basis">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'legal_basis'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'art9'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'art9'))
            yield '</dt>\n<dd class="art9">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'art9'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'device_consent'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'device_consent'))
            yield '</dt>\n<dd class="device-consent">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'device_consent'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'legitimate_interest'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legitimate_interest'))
            yield '</dt>\n<dd class="legitimate-interest">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'legitimate_interest'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'consent_withdrawal'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'consent_withdrawal'))
            yield '</dt>\n<dd class="consent-withdrawal">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'consent_withdrawal'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'children'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'children'))
            yield '</dt>\n<dd class="children">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'children'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'sources'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'sources'))
            yield '</dt>\n<dd class="sources"><ul>\n'
            for l_2_src in environment.getattr(l_1_a, 'sources'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(environment.getattr(l_2_src, 'kind'))
                if environment.getattr(l_2_src, 'party'):
                    pass
                    yield ' ('
                    yield escape(environment.getattr(l_2_src, 'party'))
                    yield ')'
                if environment.getattr(l_2_src, 'description'):
                    pass
                    yield ': '
                    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_src, 'description'), _loop_vars=_loop_vars))
                if (not t_3(environment.getattr(l_2_src, 'categories'))):
                    pass
                    yield ' – '
                    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'source_categories'))
                    yield ': '
                    yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_2_src, 'categories'), _loop_vars=_loop_vars))
                yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_2_src, 'marks'), _loop_vars=_loop_vars))
                yield '</li>\n'
            l_2_src = missing
            yield '</ul>'
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'sources_marks'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'provision'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'provision'))
            yield '</dt>\n<dd class="provision">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'provision'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'retention'))
        yield '</dt>\n<dd class="retention">'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'retention'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_a, 'category_retention'):
            pass
            yield '<ul>\n'
            for l_2_r in environment.getattr(l_1_a, 'category_retention'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_r, _loop_vars=_loop_vars))
                yield '</li>\n'
            l_2_r = missing
            yield '</ul>'
        yield '</dd>\n'
        if environment.getattr(l_1_a, 'systems'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'systems'))
            yield '</dt>\n<dd class="systems"><ul>\n'
            for l_2_sys in environment.getattr(l_1_a, 'systems'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_sys, 'system'), _loop_vars=_loop_vars))
                if environment.getattr(l_2_sys, 'run_by'):
                    pass
                    yield ', '
                    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_sys, 'run_by'), _loop_vars=_loop_vars))
                yield '</li>\n'
            l_2_sys = missing
            yield '</ul>'
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'systems_marks'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'recipients'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_recipients'))
            yield '</dt>\n<dd class="recipients">'
            l_2_loop = missing
            for l_2_p, l_2_loop in LoopContext(environment.getattr(l_1_a, 'recipients'), undefined):
                l_2_comma = resolve('comma')
                _loop_vars = {}
                pass
                yield escape(environment.getattr(l_2_p, 'name'))
                yield ' ('
                yield escape(environment.getattr(l_2_p, 'role'))
                yield ')'
                yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), ((environment.getattr(l_2_p, 'marks') + environment.getattr(l_1_a, 'recipients_marks')) if environment.getattr(l_2_loop, 'last') else environment.getattr(l_2_p, 'marks')), _loop_vars=_loop_vars))
                yield escape(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 166 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_p = l_2_comma = missing
            if environment.getattr(l_1_a, 'no_recipients'):
                pass
                yield '. '
                yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_recipients'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        elif environment.getattr(l_1_a, 'no_recipients'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_recipients'))
            yield '</dt>\n<dd class="recipients">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_recipients'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'transfers'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_transfers'))
            yield '</dt>\n<dd class="transfers"><ul>\n'
            for l_2_tr in environment.getattr(l_1_a, 'transfers'):
                _loop_vars = {}
                pass
                yield '<li>'
                yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_tr, _loop_vars=_loop_vars))
                yield '</li>\n'
            l_2_tr = missing
            yield '</ul></dd>\n'
        if environment.getattr(l_1_a, 'marketing'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_channels'))
            yield '</dt>\n<dd class="marketing">'
            yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'marketing'), _loop_vars=_loop_vars))
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'marketing_marks'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        if environment.getattr(l_1_a, 'profiling'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'profiling'))
            yield '</dt>\n<dd>'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_a, 'profiling'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_a, 'no_automated_decision'):
                pass
                yield ' '
                yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_automated_decision'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'your_rights_here'))
        yield '</dt>\n<dd class="activity-rights">'
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_a, 'rights'), undefined):
            l_2_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield '<a href="#right-'
            yield escape(l_2_r)
            yield '">'
            yield escape(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), markup_join(('right_', l_2_r, ))))
            yield '</a>'
            def t_4(fiter):
                for (l_3_key, l_3_note) in fiter:
                    if (l_3_key == l_2_r):
                        yield (l_3_key, l_3_note)
            for (l_3_key, l_3_note) in t_4(environment.getattr(l_1_a, 'right_notes')):
                _loop_vars = {}
                pass
                yield ' ('
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), l_3_note, _loop_vars=_loop_vars))
                yield ')'
            l_3_key = l_3_note = missing
            yield escape(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 188 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
        l_2_loop = l_2_r = l_2_comma = missing
        yield '</dd>\n'
        for l_2_limit in environment.getattr(l_1_a, 'rights_limits'):
            _loop_vars = {}
            pass
            yield '<dd class="rights-limit">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_limit, _loop_vars=_loop_vars))
            yield '</dd>\n'
        l_2_limit = missing
        yield '</dl>\n</section>\n'
    l_1_loop = l_1_a = l_1_H3 = missing
    yield '</section>\n\n<section id="recipients" aria-labelledby="recipients-h">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="recipients-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'recipients_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<p>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'recipients_intro'))
    yield '</p>\n<ul>\n'
    for l_1_p in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recipients'):
        _loop_vars = {}
        pass
        yield '<li id="party-'
        yield escape(environment.getattr(l_1_p, 'id'))
        yield '"><strong>'
        yield escape(environment.getattr(l_1_p, 'name'))
        yield '</strong> – '
        yield escape(environment.getattr(l_1_p, 'role'))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_p, 'role_marks'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_p, 'engaged_by'):
            pass
            yield ' ('
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'engaged_by'), _loop_vars=_loop_vars))
            yield ')'
        yield ', '
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'established'), _loop_vars=_loop_vars))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_p, 'country_marks'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_p, 'description'):
            pass
            yield ': '
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'description'), _loop_vars=_loop_vars))
        yield '.\n'
        if environment.getattr(l_1_p, 'joint_arrangement'):
            pass
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'joint_arrangement'))
            yield ': '
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_p, 'joint_arrangement'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_p, 'privacy_policy'):
            pass
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'privacy_policy'), _loop_vars=_loop_vars))
            yield '.'
        yield '</li>\n'
    l_1_p = missing
    yield '</ul>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'no_other_recipients'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'no_other_recipients')))
        yield '</p>\n'
    yield '</section>\n\n<section id="transfers" aria-labelledby="transfers-h">\n'
    l_0_tr = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'transfers')
    context.vars['tr'] = l_0_tr
    context.exported_vars.add('tr')
    yield '<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="transfers-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfers_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'intro'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'intro')))
        yield '</p>\n'
    l_1_loop = missing
    for l_1_row, l_1_loop in LoopContext(environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'rows'), undefined):
        _loop_vars = {}
        pass
        yield '<dl class="facts card transfer">\n<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_recipient'))
        yield '</dt><dd>'
        yield escape(environment.getattr(l_1_row, 'party'))
        yield '</dd>\n'
        if environment.getattr(l_1_row, 'onward'):
            pass
            yield '<dd class="onward">'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'onward'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        elif environment.getattr(l_1_row, 'importer'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_importer'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'importer'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_country'))
        yield '</dt><dd>'
        yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'country'), _loop_vars=_loop_vars))
        yield '</dd>\n<dt>'
        yield escape(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), environment.getattr(l_1_row, 'ground_heading')))
        yield '</dt><dd>'
        if environment.getattr(l_1_row, 'mechanism'):
            pass
            yield escape(environment.getattr(environment.getattr(l_1_row, 'mechanism'), 'label'))
            yield ' <span class="article">('
            yield escape(environment.getattr(environment.getattr(l_1_row, 'mechanism'), 'cite'))
            yield ')</span>'
        else:
            pass
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_row, 'missing'), _loop_vars=_loop_vars))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_row, 'mechanism_marks'), _loop_vars=_loop_vars))
        yield '</dd>\n'
        if environment.getattr(l_1_row, 'copy'):
            pass
            yield '<dt>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_copy'))
            yield '</dt><dd>'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_row, 'copy'), _loop_vars=_loop_vars))
            yield '</dd>\n'
        yield '<dt>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_used_for'))
        yield '</dt><dd>'
        l_2_loop = missing
        for l_2_a, l_2_loop in LoopContext(environment.getattr(l_1_row, 'activities'), undefined):
            l_2_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield '<a href="#activity-'
            yield escape(environment.getattr(l_2_a, 'id'))
            yield '">'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_a, 'name'), _loop_vars=_loop_vars))
            yield '</a>'
            yield escape(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 231 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
        l_2_loop = l_2_a = l_2_comma = missing
        yield '</dd>\n</dl>\n'
    l_1_loop = l_1_row = missing
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'none'):
        pass
        yield '<p>'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'none')))
        yield '</p>\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unrecorded'):
        pass
        yield '<p class="transfers-unrecorded">'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unrecorded')))
        yield '</p>\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unknown'):
        pass
        yield '<p class="transfers-unknown">'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unknown')))
        yield ' '
        l_1_loop = missing
        for (l_1_name, l_1_system_marks), l_1_loop in LoopContext(environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'hosting_unknown'), undefined):
            l_1_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield escape(l_1_name)
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), l_1_system_marks, _loop_vars=_loop_vars))
            yield escape(((undefined(name='comma') if l_1_comma is missing else l_1_comma) if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 241 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_name = l_1_system_marks = l_1_comma = missing
        yield '.</p>\n'
    yield '</section>\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'marketing'):
        pass
        yield '<section id="marketing" aria-labelledby="marketing-h">\n<'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield ' id="marketing-h">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_heading'))
        yield '</'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield '>\n<p>'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_intro'))
        yield '</p>\n<ul>\n'
        for l_1_m in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'marketing'):
            _loop_vars = {}
            pass
            yield '<li><a href="#activity-'
            yield escape(environment.getattr(environment.getattr(l_1_m, 'activity'), 'id'))
            yield '">'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr(l_1_m, 'activity'), 'name'), _loop_vars=_loop_vars))
            yield '</a>'
            if environment.getattr(l_1_m, 'channels'):
                pass
                yield ': '
                yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_m, 'channels'), _loop_vars=_loop_vars))
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_m, 'marks'), _loop_vars=_loop_vars))
            yield '. '
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'how_to_stop'))
            yield ': '
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_m, 'stop'), _loop_vars=_loop_vars))
            yield '</li>\n'
        l_1_m = missing
        yield '</ul>\n</section>\n'
    yield '\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies'):
        pass
        yield '<section id="cookies" aria-labelledby="cookies-h">\n<'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield ' id="cookies-h">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookies_heading'))
        yield '</'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield '>\n<p>'
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies_intro')))
        yield '</p>\n<div class="table-wrap" role="region" aria-labelledby="cookies-caption" tabindex="0"><table class="cookies">\n<caption id="cookies-caption">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookies_caption'))
        yield '</caption>\n<thead><tr><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_name'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_provider'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_purpose'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_lifetime'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_consent'))
        yield '</th><th scope="col">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_activity'))
        yield '</th></tr></thead>\n<tbody>\n'
        for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies'):
            _loop_vars = {}
            pass
            yield '<tr><th scope="row"><code>'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'name'), _loop_vars=_loop_vars))
            yield '</code>'
            if environment.getattr(l_1_c, 'domain'):
                pass
                yield ' ('
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'domain'), _loop_vars=_loop_vars))
                yield ')'
            yield ', '
            yield escape(environment.getattr(l_1_c, 'kind'))
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_c, 'description'):
                pass
                yield '<br>'
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'description'), _loop_vars=_loop_vars))
            yield '</th><td>'
            yield escape((context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'provider'), _loop_vars=_loop_vars) if environment.getattr(l_1_c, 'provider') else environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_us')))
            yield ' ('
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'party'), _loop_vars=_loop_vars))
            yield ')</td><td>'
            yield escape(environment.getattr(l_1_c, 'purpose'))
            yield '</td><td>'
            if environment.getattr(l_1_c, 'lifetime'):
                pass
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'lifetime'), _loop_vars=_loop_vars))
            yield '</td><td>'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'consent'), _loop_vars=_loop_vars))
            yield '</td><td><a href="#activity-'
            yield escape(environment.getattr(environment.getattr(l_1_c, 'activity'), 'id'))
            yield '">'
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr(l_1_c, 'activity'), 'name'), _loop_vars=_loop_vars))
            yield '</a></td></tr>\n'
        l_1_c = missing
        yield '</tbody>\n</table></div>\n</section>\n'
    yield '\n'
    if ((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary') or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems')) or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine')):
        pass
        yield '<section id="security" aria-labelledby="security-h">\n<'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield ' id="security-h">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'security_heading'))
        yield '</'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield '>\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary'):
            pass
            yield '<p>'
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary')))
            yield '</p>'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems'):
            pass
            yield '<ul>\n'
            for l_1_sys in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems'):
                _loop_vars = {}
                pass
                yield '<li><strong>'
                yield escape(environment.getattr(l_1_sys, 'name'))
                yield '</strong>'
                if environment.getattr(l_1_sys, 'description'):
                    pass
                    yield ': '
                    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_sys, 'description'), _loop_vars=_loop_vars))
                if environment.getattr(l_1_sys, 'access'):
                    pass
                    yield '. '
                    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'access_label'))
                    yield ': '
                    yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_sys, 'access'), _loop_vars=_loop_vars))
                    yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_sys, 'access_marks'), _loop_vars=_loop_vars))
                if environment.getattr(l_1_sys, 'measures'):
                    pass
                    yield '. '
                    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'measures_label'))
                    yield ': '
                    yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_sys, 'measures'), _loop_vars=_loop_vars))
                    yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_sys, 'measures_marks'), _loop_vars=_loop_vars))
                yield '.</li>\n'
            l_1_sys = missing
            yield '</ul>\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine'):
            pass
            yield '<p><strong>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'erasure_label'))
            yield ':</strong> '
            yield escape(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine')))
            yield '</p>'
        yield '</section>\n'
    yield '\n<section id="rights" aria-labelledby="rights-h">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="rights-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rights_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<p>'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rights_intro')))
    yield '</p>\n<ul class="rights">\n'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rights'), undefined):
        _loop_vars = {}
        pass
        yield '<li id="right-'
        yield escape(environment.getattr(l_1_r, 'key'))
        yield '"><strong>'
        yield escape(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), markup_join(('right_', environment.getattr(l_1_r, 'key'), ))))
        yield '</strong> <span class="article">('
        yield escape(environment.getattr(l_1_r, 'cite'))
        yield ')</span>.\n'
        if (environment.getattr(l_1_r, 'key') == 'complaint'):
            pass
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'text'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_r, 'authority_address'):
                pass
                yield ' '
                yield escape(environment.getitem(environment.getattr(l_1_r, 'authority_address'), 0))
                yield ': '
                yield escape(environment.getitem(environment.getattr(l_1_r, 'authority_address'), 1))
                yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_r, 'marks'), _loop_vars=_loop_vars))
                yield '.'
        else:
            pass
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'text'), _loop_vars=_loop_vars))
            if environment.getattr(l_1_r, 'detail'):
                pass
                yield ' '
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'detail'), _loop_vars=_loop_vars))
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_r, 'marks'), _loop_vars=_loop_vars))
            yield '\n'
        if environment.getattr(l_1_r, 'applies_to'):
            pass
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'applies_to'))
            yield ': '
            l_2_loop = missing
            for l_2_a, l_2_loop in LoopContext(environment.getattr(l_1_r, 'applies_to'), undefined):
                l_2_comma = resolve('comma')
                _loop_vars = {}
                pass
                yield '<a href="#activity-'
                yield escape(environment.getattr(l_2_a, 'id'))
                yield '">'
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_a, 'name'), _loop_vars=_loop_vars))
                yield '</a>'
                yield escape(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 300 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_a = l_2_comma = missing
            yield '.\n'
        if environment.getattr(l_1_r, 'limited'):
            pass
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'limited_intro'), _loop_vars=_loop_vars))
            yield ' '
            l_2_loop = missing
            for (l_2_a, l_2_limit), l_2_loop in LoopContext(environment.getattr(l_1_r, 'limited'), undefined):
                l_2_comma = resolve('comma')
                _loop_vars = {}
                pass
                yield '<a href="#activity-'
                yield escape(environment.getattr(l_2_a, 'id'))
                yield '">'
                yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_a, 'name'), _loop_vars=_loop_vars))
                yield '</a> ('
                yield escape(l_2_limit)
                yield ')'
                yield escape(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 303 in 'notice/body.html.j2' evaluated to false and no else section was defined.")))
            l_2_loop = l_2_a = l_2_limit = l_2_comma = missing
            yield '.\n'
        yield '</li>\n'
    l_1_loop = l_1_r = missing
    yield '</ul>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'joint'):
        pass
        yield '<p class="rights-joint">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rights_joint'))
        yield ' '
        yield escape(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'joint')))
        yield '.</p>\n'
    yield '</section>\n\n<section id="contact" aria-labelledby="contact-h">\n<'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield ' id="contact-h">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'contact_heading'))
    yield '</'
    yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
    yield '>\n<p>'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'contact_intro')))
    yield '</p>\n<ul>\n'
    for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'contacts'):
        l_1_link = resolve('link')
        _loop_vars = {}
        pass
        yield '<li>'
        yield escape(environment.getattr(l_1_c, 'name'))
        if environment.getattr(l_1_c, 'role'):
            pass
            yield ', '
            yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'role'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_c, 'email'):
            pass
            yield ' – '
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email'))
            yield ': '
            yield escape(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr(l_1_c, 'email'), _loop_vars=_loop_vars))
        if environment.getattr(l_1_c, 'phone'):
            pass
            yield ' – '
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone'))
            yield ': '
            yield escape(context.call((undefined(name='link') if l_1_link is missing else l_1_link), markup_join(('tel:', t_2(context.eval_ctx, environment.getattr(l_1_c, 'phone'), ' ', ''), )), environment.getattr(l_1_c, 'phone'), _loop_vars=_loop_vars))
        yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars))
        yield '</li>\n'
    l_1_c = l_1_link = missing
    yield '</ul>\n</section>\n\n'
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        yield '<section id="changes" aria-labelledby="changes-h">\n<'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield ' id="changes-h">'
        yield escape(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'heading'))
        yield '</'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield '>\n<p>'
        yield escape(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'intro'))
        yield '</p>\n<ul>\n'
        for l_1_line in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'lines'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_line)
            yield '</li>\n'
        l_1_line = missing
        yield '</ul>\n</section>\n\n'
    if (undefined(name='draft') if l_0_draft is missing else l_0_draft):
        pass
        yield '<section id="assumptions" aria-labelledby="assumptions-h">\n<'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield ' id="assumptions-h">'
        yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumptions_heading'))
        yield '</'
        yield escape((undefined(name='H2') if l_0_H2 is missing else l_0_H2))
        yield '>\n'
        if environment.getattr((undefined(name='numbering') if l_0_numbering is missing else l_0_numbering), 'notes'):
            pass
            yield '<ol>\n'
            for (l_1_number, l_1_field, l_1_note) in environment.getattr((undefined(name='numbering') if l_0_numbering is missing else l_0_numbering), 'notes'):
                _loop_vars = {}
                pass
                yield '<li id="assumption-'
                yield escape(l_1_number)
                yield '">'
                yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumption_field'))
                yield ' <code>'
                yield escape(l_1_field)
                yield '</code>: <span lang="en">'
                yield escape(l_1_note)
                yield '</span></li>\n'
            l_1_number = l_1_field = l_1_note = missing
            yield '</ol>\n'
        else:
            pass
            yield '<p>'
            yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'no_assumptions'))
            yield '</p>\n'
        yield '</section>\n'
    yield '\n<footer>\n<p>'
    yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'footer'), 'value')))
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'published'):
        pass
        yield ' '
        yield escape(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'published')))
    yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'footer'), 'marks')))
    yield '</p>\n</footer>\n'

blocks = {}
debug_info = '3=48&4=56&5=59&6=77&8=79&9=82&11=88&12=91&14=93&15=96&17=99&18=101&20=109&21=111&22=113&24=115&25=119&29=125&30=127&31=129&32=132&34=134&35=137&37=139&38=142&40=145&41=147&42=149&43=152&45=154&46=157&50=160&54=166&55=170&56=176&58=178&59=181&61=185&62=188&64=192&65=195&67=204&68=207&70=211&71=214&73=219&74=221&75=238&76=240&77=242&78=246&84=269&85=275&87=277&88=281&91=295&92=299&97=305&98=312&99=317&100=321&101=329&102=331&104=337&105=339&106=342&107=344&108=347&109=349&111=352&112=356&116=363&118=365&119=368&120=370&122=372&123=375&124=377&126=379&127=382&128=384&130=386&131=389&132=391&134=393&135=396&136=398&138=400&139=403&141=405&142=409&144=429&146=431&147=434&148=436&150=439&151=441&152=445&153=449&156=454&157=457&159=459&160=463&162=471&164=473&165=476&166=479&167=495&168=498&169=500&171=502&172=505&174=507&175=511&179=515&180=518&181=520&183=523&184=526&185=528&187=535&188=538&189=561&190=565&198=571&199=577&201=579&202=583&203=602&204=607&207=614&208=617&213=620&214=624&215=630&216=633&218=636&220=640&221=644&222=647&223=649&224=652&226=657&227=661&228=674&229=677&231=682&234=698&235=701&237=703&238=706&240=708&241=711&245=724&247=727&248=733&250=735&251=739&257=756&259=759&260=765&262=767&263=769&265=781&266=785&273=819&275=822&276=828&277=833&279=836&280=840&284=863&289=872&290=878&292=881&293=885&294=891&295=893&297=904&299=911&300=913&302=928&303=930&308=950&309=953&314=958&315=964&317=966&318=971&323=992&325=995&326=1001&328=1003&329=1007&335=1011&337=1014&338=1020&340=1023&341=1027&345=1040&351=1044'
