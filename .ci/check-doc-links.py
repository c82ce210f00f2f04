#!/usr/bin/env python3
"""Checks the relative links of README.md, DEVELOPERS.md and docs/*.md: every linked file exists and
every #anchor names a heading of its file (GitHub's slugs). Not part of .ci/run; run it by hand:
python3 .ci/check-doc-links.py"""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+"[^"]*")?\)')


def prose(text):
    """The lines outside fenced code blocks, with inline code removed."""
    fenced = False
    for number, line in enumerate(text.split('\n'), 1):
        if line.lstrip().startswith('```'):
            fenced = not fenced
            continue
        if not fenced:
            yield number, re.sub(r'`[^`]*`', '', line)


def slug(heading):
    s = heading.strip().lower()
    s = re.sub(r'[^\w\- ]', '', s)  # GitHub keeps letters, digits, _, - and spaces
    return s.replace(' ', '-')


def anchors(path):
    seen, found = {}, set()
    for _, line in prose(path.read_text(encoding='utf-8')):
        m = re.match(r'#{1,6}\s+(.*?)\s*#*\s*$', line)
        if m:
            base = slug(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f'{base}-{n}')
    return found


def main():
    files = [root / 'README.md', root / 'DEVELOPERS.md', *sorted((root / 'docs').glob('*.md'))]
    problems, checked = [], 0
    for md in files:
        for number, line in prose(md.read_text(encoding='utf-8')):
            for target in LINK.findall(line):
                if re.match(r'[a-z][a-z0-9+.-]*:', target):  # https:, mailto:
                    continue
                checked += 1
                file_part, _, anchor = target.partition('#')
                dest = (md.parent / file_part).resolve() if file_part else md
                where = f'{md.relative_to(root)}:{number}: {target}'
                if not dest.exists():
                    problems.append(f'{where}: no such file')
                elif anchor and dest.suffix == '.md' and anchor not in anchors(dest):
                    problems.append(f'{where}: no heading #{anchor} in {dest.relative_to(root)}')
    print('\n'.join(problems))
    print(f'{checked} relative links in {len(files)} files, {len(problems)} broken')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
