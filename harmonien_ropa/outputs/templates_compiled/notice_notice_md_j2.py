# Longer than 400 lines: generated, one template's code; Jinja's code for the template 'notice/notice.md.j2', made by harmonien_ropa.outputs.precompiled:
# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).
# key: e5981bb3c981b94850b325f4374be16b4cef4f9fec3b656599eaa9459ddc46b3
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'notice/notice.md.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_s = resolve('s')
    l_0_v = resolve('v')
    l_0_say = resolve('say')
    l_0_marks = resolve('marks')
    l_0_not_ready = resolve('not_ready')
    l_0_final_command = resolve('final_command')
    l_0_draft = resolve('draft')
    l_0_fact = resolve('fact')
    l_0_mail = resolve('mail')
    l_0_rep = resolve('rep')
    l_0_listing = resolve('listing')
    l_0_changes = resolve('changes')
    l_0_numbering = resolve('numbering')
    l_0_c = l_0_tr = missing
    try:
        t_1 = environment.filters['fill']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'fill' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '# '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title')))
    yield ' – '
    yield str(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'org_name')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'version'), 'value'))))
    yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'version'), 'marks'))))
    yield '\n'
    if (undefined(name='not_ready') if l_0_not_ready is missing else l_0_not_ready):
        pass
        yield '\n> **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_ready_title')))
        yield '** '
        yield str(environment.finalize((undefined(name='not_ready') if l_0_not_ready is missing else l_0_not_ready)))
        yield ' '
        yield str(environment.finalize(t_1(context, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_ready_how'), command=(undefined(name='final_command') if l_0_final_command is missing else l_0_final_command))))
        yield '\n'
    if (undefined(name='draft') if l_0_draft is missing else l_0_draft):
        pass
        yield '\n> **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'draft_banner')))
        yield '**\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'introduction'):
        pass
        yield '\n'
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'introduction'))))
        yield '\n'
    if ((not (undefined(name='draft') if l_0_draft is missing else l_0_draft)) and environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'provisional')):
        pass
        yield '\n> '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'provisional_note')))
        yield '\n'
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'controller_heading')))
    yield '\n'
    l_0_c = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'controller')
    context.vars['c'] = l_0_c
    context.exported_vars.add('c')
    yield '\n'
    yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'intro'))))
    yield '\n\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'legal_form'):
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legal_form')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'legal_form'))))
        yield '\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'represented_by'):
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'represented_by')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'represented_by'))))
        yield '\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'):
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'address')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'), 'value'))))
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address_country'):
            pass
            yield ', '
            yield str(environment.finalize(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address_country')))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'address'), 'marks'))))
        yield '\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'website'):
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'website')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'website'))))
        yield '\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'privacy_contact'):
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'privacy_contact')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'privacy_contact'))))
        yield '\n'
    yield '- **'
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'dpo_label')))
    yield ':** '
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'statement'))))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'email'):
        pass
        yield ' '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email')))
        yield ': '
        yield str(environment.finalize(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'email'))))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'phone'):
        pass
        yield ' '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone')))
        yield ': '
        yield str(environment.finalize(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'phone')))
    if environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'reason'):
        pass
        yield ' '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'reason'))))
    yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo'), 'marks'))))
    yield '\n'
    if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative'):
        pass
        l_0_rep = environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative')
        context.vars['rep'] = l_0_rep
        context.exported_vars.add('rep')
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'representative_label')))
        yield ':** '
        yield str(environment.finalize(environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'name')))
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'role'):
            pass
            yield ' ('
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'role'))))
            yield ')'
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'email'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'email'))))
        if environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'phone'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone')))
            yield ': '
            yield str(environment.finalize(environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'phone')))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr((undefined(name='rep') if l_0_rep is missing else l_0_rep), 'marks'))))
        yield '\n'
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'data_heading')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'categories_intro'))))
    yield '\n\n'
    for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'categories'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'name'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_c, 'special'):
            pass
            yield ' ('
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'special_category')))
            yield ')'
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_c, 'description'):
            pass
            yield '. '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'description'), _loop_vars=_loop_vars)))
        yield '\n'
    l_1_c = missing
    for l_1_note in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'national_id'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'national_id_note')))
        yield ' '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_1_note, _loop_vars=_loop_vars)))
        yield '\n'
    l_1_note = missing
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'purposes_heading')))
    yield '\n'
    l_1_loop = missing
    for l_1_a, l_1_loop in LoopContext(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'activities'), undefined):
        _loop_vars = {}
        pass
        yield '\n### '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_a, 'name'), _loop_vars=_loop_vars)))
        yield '\n\n'
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'purpose'), _loop_vars=_loop_vars)))
        yield '\n'
        if environment.getattr(l_1_a, 'description'):
            pass
            yield '\n'
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'description'), _loop_vars=_loop_vars)))
            yield '\n'
        yield '\n- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'about_whom')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'subjects'), _loop_vars=_loop_vars)))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'subjects_marks'), _loop_vars=_loop_vars)))
        yield '\n- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'data_used')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'categories'), _loop_vars=_loop_vars)))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'categories_marks'), _loop_vars=_loop_vars)))
        yield '\n'
        if environment.getattr(l_1_a, 'legal_bases'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legal_basis')))
            yield ':**\n'
            for l_2_b in environment.getattr(l_1_a, 'legal_bases'):
                _loop_vars = {}
                pass
                yield '  - '
                yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_b, _loop_vars=_loop_vars)))
                yield '\n'
            l_2_b = missing
        else:
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legal_basis')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'legal_basis'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'art9'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'art9')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'art9'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'device_consent'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'device_consent')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'device_consent'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'legitimate_interest'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'legitimate_interest')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'legitimate_interest'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'consent_withdrawal'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'consent_withdrawal')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'consent_withdrawal'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'children'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'children')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'children'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'sources'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'sources')))
            yield ':**'
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'sources_marks'), _loop_vars=_loop_vars)))
            yield '\n'
            for l_2_src in environment.getattr(l_1_a, 'sources'):
                _loop_vars = {}
                pass
                yield '  - '
                yield str(environment.finalize(environment.getattr(l_2_src, 'kind')))
                if environment.getattr(l_2_src, 'party'):
                    pass
                    yield ' ('
                    yield str(environment.finalize(environment.getattr(l_2_src, 'party')))
                    yield ')'
                if environment.getattr(l_2_src, 'description'):
                    pass
                    yield ': '
                    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_src, 'description'), _loop_vars=_loop_vars)))
                if (not t_3(environment.getattr(l_2_src, 'categories'))):
                    pass
                    yield ' – '
                    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'source_categories')))
                    yield ': '
                    yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_2_src, 'categories'), _loop_vars=_loop_vars)))
                yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_2_src, 'marks'), _loop_vars=_loop_vars)))
                yield '\n'
            l_2_src = missing
        if environment.getattr(l_1_a, 'provision'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'provision')))
            yield '** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'provision'), _loop_vars=_loop_vars)))
            yield '\n'
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'retention')))
        yield ':** '
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'retention'), _loop_vars=_loop_vars)))
        yield '\n'
        for l_2_r in environment.getattr(l_1_a, 'category_retention'):
            _loop_vars = {}
            pass
            yield '  - '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_r, _loop_vars=_loop_vars)))
            yield '\n'
        l_2_r = missing
        if environment.getattr(l_1_a, 'systems'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'systems')))
            yield ':** '
            l_2_loop = missing
            for l_2_sys, l_2_loop in LoopContext(environment.getattr(l_1_a, 'systems'), undefined):
                l_2_semicolon = resolve('semicolon')
                _loop_vars = {}
                pass
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_sys, 'system'), _loop_vars=_loop_vars)))
                if environment.getattr(l_2_sys, 'run_by'):
                    pass
                    yield ', '
                    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_sys, 'run_by'), _loop_vars=_loop_vars)))
                yield str(environment.finalize(((undefined(name='semicolon') if l_2_semicolon is missing else l_2_semicolon) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 111 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
            l_2_loop = l_2_sys = l_2_semicolon = missing
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'systems_marks'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'recipients'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_recipients')))
            yield ':** '
            l_2_loop = missing
            for l_2_p, l_2_loop in LoopContext(environment.getattr(l_1_a, 'recipients'), undefined):
                l_2_comma = resolve('comma')
                _loop_vars = {}
                pass
                yield str(environment.finalize(environment.getattr(l_2_p, 'name')))
                yield ' ('
                yield str(environment.finalize(environment.getattr(l_2_p, 'role')))
                yield ')'
                yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), ((environment.getattr(l_2_p, 'marks') + environment.getattr(l_1_a, 'recipients_marks')) if environment.getattr(l_2_loop, 'last') else environment.getattr(l_2_p, 'marks')), _loop_vars=_loop_vars)))
                yield str(environment.finalize(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 114 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
            l_2_loop = l_2_p = l_2_comma = missing
            if environment.getattr(l_1_a, 'no_recipients'):
                pass
                yield '. '
                yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_recipients'), _loop_vars=_loop_vars)))
            yield '\n'
        elif environment.getattr(l_1_a, 'no_recipients'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_recipients')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_recipients'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'transfers'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'activity_transfers')))
            yield ':** '
            l_2_loop = missing
            for l_2_tr, l_2_loop in LoopContext(environment.getattr(l_1_a, 'transfers'), undefined):
                l_2_semicolon = resolve('semicolon')
                _loop_vars = {}
                pass
                yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_tr, _loop_vars=_loop_vars)))
                yield str(environment.finalize(((undefined(name='semicolon') if l_2_semicolon is missing else l_2_semicolon) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 119 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
            l_2_loop = l_2_tr = l_2_semicolon = missing
            yield '\n'
        if environment.getattr(l_1_a, 'marketing'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_channels')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_a, 'marketing'), _loop_vars=_loop_vars)))
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_a, 'marketing_marks'), _loop_vars=_loop_vars)))
            yield '\n'
        if environment.getattr(l_1_a, 'profiling'):
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'profiling')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_a, 'profiling'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_a, 'no_automated_decision'):
                pass
                yield ' '
                yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_a, 'no_automated_decision'), _loop_vars=_loop_vars)))
            yield '\n'
        yield '- **'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'your_rights_here')))
        yield ':** '
        l_2_loop = missing
        for l_2_r, l_2_loop in LoopContext(environment.getattr(l_1_a, 'rights'), undefined):
            l_2_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield str(environment.finalize(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), str_join(('right_', l_2_r, )))))
            def t_4(fiter):
                for (l_3_key, l_3_note) in fiter:
                    if (l_3_key == l_2_r):
                        yield (l_3_key, l_3_note)
            for (l_3_key, l_3_note) in t_4(environment.getattr(l_1_a, 'right_notes')):
                _loop_vars = {}
                pass
                yield ' ('
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), l_3_note, _loop_vars=_loop_vars)))
                yield ')'
            l_3_key = l_3_note = missing
            yield str(environment.finalize(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 129 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
        l_2_loop = l_2_r = l_2_comma = missing
        for l_2_limit in environment.getattr(l_1_a, 'rights_limits'):
            _loop_vars = {}
            pass
            yield '\n  - '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), l_2_limit, _loop_vars=_loop_vars)))
            yield '\n'
        l_2_limit = missing
        yield '\n'
    l_1_loop = l_1_a = missing
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'recipients_heading')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'recipients_intro')))
    yield '\n\n'
    for l_1_p in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recipients'):
        _loop_vars = {}
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr(l_1_p, 'name')))
        yield '** – '
        yield str(environment.finalize(environment.getattr(l_1_p, 'role')))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_p, 'role_marks'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_p, 'engaged_by'):
            pass
            yield ' ('
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'engaged_by'), _loop_vars=_loop_vars)))
            yield ')'
        yield ', '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'established'), _loop_vars=_loop_vars)))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_p, 'country_marks'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_p, 'description'):
            pass
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'description'), _loop_vars=_loop_vars)))
        yield '.'
        if environment.getattr(l_1_p, 'joint_arrangement'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'joint_arrangement')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_p, 'joint_arrangement'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_p, 'privacy_policy'):
            pass
            yield ' '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_p, 'privacy_policy'), _loop_vars=_loop_vars)))
            yield '.'
        yield '\n'
    l_1_p = missing
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'no_other_recipients'):
        pass
        yield '\n'
        yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'no_other_recipients'))))
        yield '\n'
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfers_heading')))
    yield '\n'
    l_0_tr = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'transfers')
    context.vars['tr'] = l_0_tr
    context.exported_vars.add('tr')
    yield '\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'intro'):
        pass
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'intro'))))
        yield '\n\n'
    l_1_loop = missing
    for l_1_row, l_1_loop in LoopContext(environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'rows'), undefined):
        _loop_vars = {}
        pass
        yield '- **'
        yield str(environment.finalize(environment.getattr(l_1_row, 'party')))
        yield '**'
        if environment.getattr(l_1_row, 'onward'):
            pass
            yield '. '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'onward'), _loop_vars=_loop_vars)))
            yield ' '
            yield str(environment.finalize(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), environment.getattr(l_1_row, 'ground_heading'))))
            yield ':'
        else:
            pass
            if environment.getattr(l_1_row, 'importer'):
                pass
                yield ' ('
                yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_importer')))
                yield ': '
                yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'importer'), _loop_vars=_loop_vars)))
                yield ')'
            yield ', '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_row, 'country'), _loop_vars=_loop_vars)))
            yield ':'
        yield ' '
        if environment.getattr(l_1_row, 'mechanism'):
            pass
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'mechanism'), 'label')))
            yield ' ('
            yield str(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'mechanism'), 'cite')))
            yield ')'
        else:
            pass
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_row, 'missing'), _loop_vars=_loop_vars)))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_row, 'mechanism_marks'), _loop_vars=_loop_vars)))
        yield '.'
        if environment.getattr(l_1_row, 'copy'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_copy')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_row, 'copy'), _loop_vars=_loop_vars)))
        yield ' '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'transfer_used_for')))
        yield ': '
        l_2_loop = missing
        for l_2_a, l_2_loop in LoopContext(environment.getattr(l_1_row, 'activities'), undefined):
            l_2_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_a, 'name'), _loop_vars=_loop_vars)))
            yield str(environment.finalize(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 158 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
        l_2_loop = l_2_a = l_2_comma = missing
        yield '.\n\n'
    l_1_loop = l_1_row = missing
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'none'):
        pass
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'none'))))
        yield '\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unrecorded'):
        pass
        yield '\n'
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unrecorded'))))
        yield '\n\n'
    if environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unknown'):
        pass
        yield '\n'
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'unknown'))))
        yield ' '
        l_1_loop = missing
        for (l_1_name, l_1_system_marks), l_1_loop in LoopContext(environment.getattr((undefined(name='tr') if l_0_tr is missing else l_0_tr), 'hosting_unknown'), undefined):
            l_1_comma = resolve('comma')
            _loop_vars = {}
            pass
            yield str(environment.finalize(l_1_name))
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), l_1_system_marks, _loop_vars=_loop_vars)))
            yield str(environment.finalize(((undefined(name='comma') if l_1_comma is missing else l_1_comma) if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 171 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
        l_1_loop = l_1_name = l_1_system_marks = l_1_comma = missing
        yield '.\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'marketing'):
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_heading')))
        yield '\n\n'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'marketing_intro')))
        yield '\n\n'
        for l_1_m in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'marketing'):
            _loop_vars = {}
            pass
            yield '- **'
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr(l_1_m, 'activity'), 'name'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_m, 'channels'):
                pass
                yield ':** '
                yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_m, 'channels'), _loop_vars=_loop_vars)))
            else:
                pass
                yield '**'
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_m, 'marks'), _loop_vars=_loop_vars)))
            yield '. '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'how_to_stop')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr(l_1_m, 'stop'), _loop_vars=_loop_vars)))
            yield '\n'
        l_1_m = missing
    yield '\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies'):
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookies_heading')))
        yield '\n\n'
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies_intro'))))
        yield '\n\n| '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_name')))
        yield ' | '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_provider')))
        yield ' | '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_purpose')))
        yield ' | '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_lifetime')))
        yield ' | '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_consent')))
        yield ' | '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_activity')))
        yield ' |\n| --- | --- | --- | --- | --- | --- |\n'
        for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'cookies'):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'name'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_c, 'domain'):
                pass
                yield ' ('
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'domain'), _loop_vars=_loop_vars)))
                yield ')'
            yield ', '
            yield str(environment.finalize(environment.getattr(l_1_c, 'kind')))
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_c, 'description'):
                pass
                yield ': '
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'description'), _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize((context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'provider'), _loop_vars=_loop_vars) if environment.getattr(l_1_c, 'provider') else environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'cookie_us'))))
            yield ' ('
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'party'), _loop_vars=_loop_vars)))
            yield ') | '
            yield str(environment.finalize(environment.getattr(l_1_c, 'purpose')))
            yield ' | '
            if environment.getattr(l_1_c, 'lifetime'):
                pass
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'lifetime'), _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'consent'), _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr(l_1_c, 'activity'), 'name'), _loop_vars=_loop_vars)))
            yield ' |\n'
        l_1_c = missing
    yield '\n'
    if ((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary') or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems')) or environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine')):
        pass
        yield '## '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'security_heading')))
        yield '\n'
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary'):
            pass
            yield '\n'
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'security_summary'))))
            yield '\n'
        yield '\n'
        for l_1_sys in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'systems'):
            _loop_vars = {}
            pass
            yield '- **'
            yield str(environment.finalize(environment.getattr(l_1_sys, 'name')))
            yield '**'
            if environment.getattr(l_1_sys, 'description'):
                pass
                yield ': '
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_sys, 'description'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_sys, 'access'):
                pass
                yield '. '
                yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'access_label')))
                yield ': '
                yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_sys, 'access'), _loop_vars=_loop_vars)))
                yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_sys, 'access_marks'), _loop_vars=_loop_vars)))
            if environment.getattr(l_1_sys, 'measures'):
                pass
                yield '. '
                yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'measures_label')))
                yield ': '
                yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr(l_1_sys, 'measures'), _loop_vars=_loop_vars)))
                yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_sys, 'measures_marks'), _loop_vars=_loop_vars)))
            yield '.\n\n'
        l_1_sys = missing
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine'):
            pass
            yield '\n**'
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'erasure_label')))
            yield ':** '
            yield str(environment.finalize(context.call((undefined(name='fact') if l_0_fact is missing else l_0_fact), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'erasure_routine'))))
            yield '\n'
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rights_heading')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rights_intro'))))
    yield '\n\n\n'
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rights'), undefined):
        _loop_vars = {}
        pass
        yield '- **'
        yield str(environment.finalize(environment.getitem((undefined(name='s') if l_0_s is missing else l_0_s), str_join(('right_', environment.getattr(l_1_r, 'key'), )))))
        yield '** ('
        yield str(environment.finalize(environment.getattr(l_1_r, 'cite')))
        yield '). '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'text'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_r, 'detail'):
            pass
            yield ' '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'detail'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_r, 'authority_address'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getitem(environment.getattr(l_1_r, 'authority_address'), 0)))
            yield ': '
            yield str(environment.finalize(environment.getitem(environment.getattr(l_1_r, 'authority_address'), 1)))
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_r, 'marks'), _loop_vars=_loop_vars)))
            yield '.'
        else:
            pass
            yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_r, 'marks'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_r, 'applies_to'):
            pass
            yield ' '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'applies_to')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), t_2(context, environment.getattr(l_1_r, 'applies_to'), attribute='name'), _loop_vars=_loop_vars)))
            yield '.'
        if environment.getattr(l_1_r, 'limited'):
            pass
            yield ' '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_r, 'limited_intro'), _loop_vars=_loop_vars)))
            yield ' '
            l_2_loop = missing
            for (l_2_a, l_2_limit), l_2_loop in LoopContext(environment.getattr(l_1_r, 'limited'), undefined):
                l_2_comma = resolve('comma')
                _loop_vars = {}
                pass
                yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_2_a, 'name'), _loop_vars=_loop_vars)))
                yield ' ('
                yield str(environment.finalize(l_2_limit))
                yield ')'
                yield str(environment.finalize(((undefined(name='comma') if l_2_comma is missing else l_2_comma) if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 221 in 'notice/notice.md.j2' evaluated to false and no else section was defined."))))
            l_2_loop = l_2_a = l_2_limit = l_2_comma = missing
            yield '.'
        yield '\n'
    l_1_loop = l_1_r = missing
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'joint'):
        pass
        yield '\n'
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rights_joint')))
        yield ' '
        yield str(environment.finalize(context.call((undefined(name='listing') if l_0_listing is missing else l_0_listing), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'joint'))))
        yield '.\n\n'
    yield '\n## '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'contact_heading')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'contact_intro'))))
    yield '\n\n'
    for l_1_c in environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'contacts'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(environment.getattr(l_1_c, 'name')))
        if environment.getattr(l_1_c, 'role'):
            pass
            yield ', '
            yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(l_1_c, 'role'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_c, 'email'):
            pass
            yield ' – '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'email')))
            yield ': '
            yield str(environment.finalize(context.call((undefined(name='mail') if l_0_mail is missing else l_0_mail), environment.getattr(l_1_c, 'email'), _loop_vars=_loop_vars)))
        if environment.getattr(l_1_c, 'phone'):
            pass
            yield ' – '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'phone')))
            yield ': '
            yield str(environment.finalize(environment.getattr(l_1_c, 'phone')))
        yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_c, 'marks'), _loop_vars=_loop_vars)))
        yield '\n'
    l_1_c = missing
    if (undefined(name='changes') if l_0_changes is missing else l_0_changes):
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'heading')))
        yield '\n\n'
        yield str(environment.finalize(environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'intro')))
        yield '\n\n'
        for l_1_line in environment.getattr((undefined(name='changes') if l_0_changes is missing else l_0_changes), 'lines'):
            _loop_vars = {}
            pass
            yield '- '
            yield str(environment.finalize(l_1_line))
            yield '\n'
        l_1_line = missing
    if (undefined(name='draft') if l_0_draft is missing else l_0_draft):
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumptions_heading')))
        yield '\n\n'
        t_5 = 1
        for (l_1_number, l_1_field, l_1_note) in environment.getattr((undefined(name='numbering') if l_0_numbering is missing else l_0_numbering), 'notes'):
            _loop_vars = {}
            pass
            yield str(environment.finalize(l_1_number))
            yield '. '
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'assumption_field')))
            yield ' «'
            yield str(environment.finalize(l_1_field))
            yield '»: '
            yield str(environment.finalize(l_1_note))
            yield '\n'
            t_5 = 0
        l_1_number = l_1_field = l_1_note = missing
        if t_5:
            pass
            yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'no_assumptions')))
            yield '\n'
    yield '\n---\n\n'
    yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'footer'), 'value'))))
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'published'):
        pass
        yield ' '
        yield str(environment.finalize(context.call((undefined(name='say') if l_0_say is missing else l_0_say), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'published'))))
    yield str(environment.finalize(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'footer'), 'marks'))))
    yield '\n'

blocks = {}
debug_info = '2=44&4=48&5=51&7=54&9=60&11=63&13=65&15=68&17=70&19=73&22=76&23=78&25=82&27=84&28=87&30=91&31=94&33=98&34=101&36=110&37=113&39=117&40=120&42=125&43=146&44=148&45=152&48=175&50=177&52=179&53=183&56=196&58=200&61=206&62=209&64=213&66=215&67=217&69=220&72=223&73=228&74=233&75=236&76=238&77=242&80=248&82=252&83=255&85=259&86=262&88=266&89=269&91=273&92=276&94=280&95=283&97=287&98=290&99=294&100=298&103=317&104=320&106=325&107=329&108=333&110=336&111=339&113=355&114=358&115=377&116=380&118=384&119=387&122=398&123=401&125=406&126=409&129=418&130=439&132=443&137=449&139=451&141=453&142=457&145=487&147=490&150=493&151=495&153=499&154=501&157=504&158=508&161=560&162=562&164=564&166=567&169=569&171=572&174=584&176=587&178=589&180=591&181=595&185=611&187=614&189=616&191=618&193=630&194=634&198=664&199=667&200=669&202=672&205=675&206=679&209=701&211=704&215=709&217=711&220=714&221=718&224=764&226=767&230=772&232=774&234=776&235=780&237=800&239=803&241=805&243=807&244=811&247=814&249=817&251=820&252=823&254=835&260=838'
