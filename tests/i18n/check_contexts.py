#!/usr/bin/env python3
"""core/ asks for its translations in the contexts the .ts files have.

A message is found at run time only under the context the code passes to the translator; lupdate
files it under the context it works out from the source. When the two differ the message exists,
translated, and is never shown (issue 16: verifier failures in English in the Chinese UI). Checks:

1. one convention: every context core/ names (QCoreApplication::translate, QT_TRANSLATE_NOOP,
   Q_DECLARE_TR_FUNCTIONS, and Q_OBJECT classes, which are all in namespace fenzhang) is
   "fenzhang::<Name>";
2. no hand-made tr() wrapper (a free function called tr): lupdate files its calls under whatever
   class or namespace surrounds them, not under the wrapper's context;
3. lupdate, run over core/, files no message under a context core/ does not name (so run time and
   the .ts files agree);
4. every message lupdate finds in core/ is in both .ts files, under the same context, finished.
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

EXPLICIT = [
    re.compile(r'\btranslate\(\s*"([^"]+)"'),
    re.compile(r'\bQT_TRANSLATE_NOOP3?\(\s*"([^"]+)"'),
    re.compile(r'\bQ_DECLARE_TR_FUNCTIONS\(\s*([\w:]+)\s*\)'),
]
QOBJECT_CLASS = re.compile(r'\bclass\s+(\w+)\b[^;{]*\{\s*Q_OBJECT\b')
WRAPPER = re.compile(r'^\s*(?:static\s+|inline\s+)?QString\s+tr\s*\(', re.M)


def ts_messages(path):
    """{context: {source: finished}}"""
    out = {}
    for ctx in ET.parse(path).getroot().iter('context'):
        name = ctx.find('name').text
        for m in ctx.iter('message'):
            tr = m.find('translation')
            finished = tr is not None and tr.get('type') not in ('unfinished', 'vanished', 'obsolete')
            out.setdefault(name, {})[m.find('source').text] = finished
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--source-dir', required=True)
    parser.add_argument('--lupdate', required=True, help='the lupdate executable the build uses')
    args = parser.parse_args()
    root = pathlib.Path(args.source_dir)
    core = root / 'core'
    ts_files = sorted((root / 'resources' / 'translations').glob('fenzhang_*.ts'))
    problems = []
    if len(ts_files) < 2:
        problems.append('expected fenzhang_zh_CN.ts and fenzhang_en.ts')

    named = {}  # context -> first file naming it
    for path in sorted(core.rglob('*')):
        if path.suffix not in ('.cpp', '.h'):
            continue
        text = path.read_text(encoding='utf-8')
        rel = path.relative_to(root)
        for pattern in EXPLICIT:
            for context in pattern.findall(text):
                named.setdefault(context, rel)
        for cls in QOBJECT_CLASS.findall(text):
            named.setdefault('fenzhang::' + cls, rel)
        if WRAPPER.search(text):
            problems.append(f'{rel}: a free tr() wrapper; declare the context with Q_DECLARE_TR_FUNCTIONS instead')
    for context, where in sorted(named.items()):
        if not context.startswith('fenzhang::'):
            problems.append(f'{where}: context "{context}" does not follow the "fenzhang::<Name>" convention')

    translations = {path.name: ts_messages(path) for path in ts_files}

    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / 'core.ts'
        subprocess.run([args.lupdate, '-silent', '-no-obsolete', '-locations', 'none', '-recursive',
                        str(core), '-ts', str(out)], check=True, stderr=subprocess.DEVNULL)
        found = ts_messages(out)
    for context, messages in sorted(found.items()):
        if context not in named:
            problems.append(f'lupdate files {len(messages)} message(s) of core/ under "{context}", '
                            f'which no code asks for (e.g. "{next(iter(messages))}")')
        for name, ts in translations.items():
            for source in messages:
                if source not in ts.get(context, {}):
                    problems.append(f'{name}: "{context}" lacks "{source}" (run the lupdate target)')
                elif not ts[context][source]:
                    problems.append(f'{name}: "{context}" / "{source}" is unfinished')
    for problem in problems:
        print(problem)
    print(f'{len(named)} contexts named in core/, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
