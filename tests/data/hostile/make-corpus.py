#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the hostile-input corpus next to this script (tests/data/hostile/).
# The files are committed; this script only documents how they were made
# and remakes them. Each file is one input, byte for byte (no newline added).
# The 10,000-character and 1 MB strings are made by test-hostile itself
# (see its long_strings ()), so the repository stays small.
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def put(folder, name, data):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(HERE, folder, name), 'wb') as f:
        f.write(data)


# Amounts and quantities: typed into a form, given to `money words`.
amounts = {
    'abc': 'abc', '1e9': '1e9', 'fullwidth-123': '１２３', 'fullwidth-decimal': '１２，３４５．６７',
    'minus-zero': '-0', 'overflow-20-digits': '99999999999999999999', 'max-plus-one': '1000000000000',
    'max': '999999999999.99', 'three-decimals': '1.005', 'empty': '', 'spaces': '   ',
    'inner-space': '1 000', 'bad-groups': '12,34', 'two-points': '1.2.3', 'plus': '+5',
    'yen': '¥1,234.50', 'fullwidth-yen': '￥８', 'minus-sign': '−3', 'nan': 'NaN', 'inf': 'inf',
    'hex': '0x10', 'nul-inside': b'12\x003', 'invalid-utf8': b'12\xff3', 'emoji': '12😀',
    'rtl': '\u202e123', 'ideographic-point': '1。5', 'sql': "1; DROP TABLE client; --",
    'formula': '=1+1', 'leading-zeros': '000000000000000000000000000001', 'only-point': '.',
    'trailing-point': '5.', 'leading-point': '.5', 'chinese-words': '壹万元',
    'thousand-digits': '9' * 1000,
}
for name, value in amounts.items():
    put('amounts', name + '.txt', value)

# Dates as forms and the command line take them.
dates = {
    'feb-30': '2026-02-30', 'month-13': '2026-13-01', 'day-0': '2026-01-00', 'year-0': '0000-01-01',
    'slashes': '2026/03/04', 'short': '2026-3-4', 'leap-ok': '2028-02-29', 'not-leap': '2027-02-29',
    'fullwidth': '２０２６-０３-０４', 'trailing': '2026-03-04x', 'sql': "2026-03-04'; --",
    'huge-year': '99999-01-01', 'negative': '-2026-01-01', 'empty': '', 'emoji': '2026-03-0😀',
}
for name, value in dates.items():
    put('dates', name + '.txt', value)

# Text for names, notes, searches: stored verbatim or refused, never mangled.
texts = {
    'emoji': '星河文化 🎉🚀👨‍👩‍👧', 'rtl-arabic': 'شركة النجوم', 'rtl-hebrew': 'חברת כוכבים',
    'rtl-override': 'invoice\u202etxt.exe', 'sql-quote': "O'Brien'); DROP TABLE client; --",
    'sql-like': '%_\\%', 'formula-hyperlink': '=HYPERLINK("http://evil.example","点击")',
    'formula-cmd': "+cmd|' /C calc'!A0", 'formula-at': '@SUM(A1:A9)', 'formula-minus': '-2+3',
    'html': '<script>alert(1)</script>', 'nul-inside': b'ab\x00cd', 'invalid-utf8': b'ab\xc3\x28cd',
    'overlong-utf8': b'\xc0\xaf', 'surrogate-utf8': b'\xed\xa0\x80', 'newline': 'line1\nline2',
    'tab': 'a\tb', 'bell': 'a\x07b', 'zero-width': 'a\u200bb', 'bom-inside': 'a\ufeffb',
    'combining': 'e\u0301\u0301\u0301', 'fullwidth-space': '\u3000公司\u3000', 'only-spaces': '   ',
    'chinese': '上海星河文化传播有限公司', 'json-breaker': '"},{"id":1}]',
    'percent-format': '%s%n%x%d', 'backslashes': '\\\\server\\share',
    'rtl-embedding': '\u202b合同\u202c条款', 'rtl-isolate': '报价\u2067单\u2069号',
    'ltr-override': '\u202d123\u202c',
}
for name, value in texts.items():
    put('text', name + '.txt', value)

# Document number patterns (Preferences).
patterns = {
    'default': 'QT{yyyy}{mm}-{nnnn}', 'unbalanced': 'QT{yyyy', 'unknown-token': 'QT{zz}{nnn}',
    'no-counter': 'QT{yyyy}', 'empty': '', 'huge-width': 'Q{' + 'n' * 40 + '}',
    'nested': 'Q{{nnnn}}', 'emoji': '🎉{nnnn}', 'format-string': '%s%n{nnnn}',
    'slash': 'QT/{yyyy}/../{nnnn}', 'long': 'Q' * 10000 + '{nnnn}', 'nul': b'QT\x00{nnnn}',
    'invalid-utf8': b'QT\xff{nnnn}', 'closing-first': 'Q}{nnnn}{',
}
for name, value in patterns.items():
    put('patterns', name + '.txt', value)

# Holiday calendars (.ics) as Preferences → Holiday calendar imports them.
ICS_HEAD = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//x//\r\n'
ics = {
    'empty': '', 'garbage': 'not a calendar at all',
    'no-end': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:元旦\r\n',
    'feb-30': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260230\r\nDTEND;VALUE=DATE:20260301\r\n'
              'SUMMARY:休\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'end-before-start': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261010\r\n'
                        'DTEND;VALUE=DATE:20261001\r\nSUMMARY:国庆节\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'ten-thousand-days': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\n'
                         'DTEND;VALUE=DATE:20530601\r\nSUMMARY:休\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'nested': ICS_HEAD + 'BEGIN:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'nul': (ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026').encode() + b'\x00' +
           b'0101\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'invalid-utf8': (ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:').encode()
                    + b'\xff\xfe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'folded-forever': ICS_HEAD + 'BEGIN:VEVENT\r\nSUMMARY:' + '\r\n x' * 5000 + '\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    'year-99999': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:999990101\r\nSUMMARY:休\r\n'
                  'END:VEVENT\r\nEND:VCALENDAR\r\n',
    'datetime-not-date': ICS_HEAD + 'BEGIN:VEVENT\r\nDTSTART:20260101T000000Z\r\nSUMMARY:元旦\r\n'
                         'END:VEVENT\r\nEND:VCALENDAR\r\n',
    'no-newline-at-all': 'BEGIN:VCALENDAR' * 1000,
    'only-lf': ICS_HEAD.replace('\r\n', '\n') + 'BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nSUMMARY:元旦\n'
               'END:VEVENT\nEND:VCALENDAR\n',
}
for name, value in ics.items():
    put('ics', name + '.ics', value)

# CSV imports. ok-*: must import, every value read back byte for byte;
# bad-*: must be refused with reasons; any-*: either, but never a crash.
put('csv', 'ok-formulas.csv',
    'name,short_name,notes\n'
    '"=HYPERLINK(""http://evil.example"",""点击"")",=1+1,"@SUM(A1:A9)"\n'
    "\"+cmd|' /C calc'!A0\",-2+3,=cmd|'/C notepad'!A1\n"
    '@SUM(A1),+1,"-1"\n')
put('csv', 'ok-emoji-rtl-sql.csv',
    'name,short_name,notes\n'
    '星河文化 🎉🚀,🎉,"多行\n备注 ok"\n'
    'شركة النجوم,النجوم,עברית\n'
    '"O\'Brien\'); DROP TABLE client; --","%_\\%","<script>alert(1)</script>"\n')
put('csv', 'ok-gb18030.csv', '名称,简称,备注\n杭州云栖茶业有限公司,云栖,全角　空格\n'.encode('gb18030'))
put('csv', 'ok-bom-tabs-crlf.csv', '\ufeffname\tphone\r\n北京云图广告有限公司\t010-12345678\r\n'.encode('utf-8'))
put('csv', 'bad-mismatched-quotes.csv', 'name,notes\n"未闭合的引号,x\n正常公司,y\n')
# A quote inside an unquoted field is taken literally, as Excel does.
put('csv', 'ok-quote-in-middle.csv', 'name,notes\nab"cd,x\n')
# Not refused today: read as GB18030, its UTF-8 line turns to mojibake
# (reported; see test-hostile).
put('csv', 'any-mixed-encodings.csv',
    b'name,notes\n' + '上海星河'.encode('utf-8') + b',x\n' + '北京云图'.encode('gb18030') + b',y\n')
put('csv', 'bad-nul.csv', b'name,notes\nab\x00cd,x\n')
put('csv', 'bad-invalid-utf8-name.csv', b'name\n\xff\xfe\xfd\n')
put('csv', 'bad-rtl-override.csv', 'name\ninvoice\u202etxt.exe\n')
put('csv', 'bad-newline-in-name.csv', 'name\n"two\nlines"\n')
put('csv', 'bad-long-name.csv', 'name\n' + '长' * 10000 + '\n')
put('csv', 'bad-no-name-column.csv', 'phone,notes\n123,x\n')
put('csv', 'bad-duplicate-names.csv', 'name\n同名公司\n同名公司\n')
put('csv', 'bad-too-many-fields.csv', 'name\na,b,c\n')
put('csv', 'bad-empty.csv', '')
put('csv', 'bad-header-only-quote.csv', '"')
put('csv', 'any-only-delimiters.csv', ',,,,\n,,,,\n')
put('csv', 'any-many-columns.csv', ','.join(['name'] + ['c%d' % i for i in range(2000)]) + '\nx\n')
put('csv', 'any-lone-cr.csv', 'name\rx\ry\r')
put('csv', 'any-utf16.csv', 'name\n公司\n'.encode('utf-16'))
put('csv', 'any-binary.csv', bytes(range(256)) * 4)
