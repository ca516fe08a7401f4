#!/usr/bin/env python3
"""Checks that every relative link in the repository's Markdown files resolves: the file (or
folder) exists, and an anchor (#...) names a heading of the target file, as GitHub derives
anchors from headings. Prints each broken link and exits with 1 if there is one.

Usage: python3 docs/check-links.py   (from anywhere; checks the git-tracked *.md files)
"""
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINK = re.compile(r'!?\[[^\]]*\]\(([^)\s]+)\)')
FENCE = re.compile(r'^\s*(```|~~~)')


def prose_lines(path):
    """The lines of a Markdown file outside fenced code blocks."""
    inside = False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if FENCE.match(line):
                inside = not inside
                continue
            if not inside:
                yield line


def anchors(path):
    """GitHub's anchors for the headings of a Markdown file."""
    seen = {}
    result = set()
    for line in prose_lines(path):
        m = re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
        if not m:
            continue
        text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', m.group(1))
        slug = re.sub(r'[^\w\- ]', '', text.lower()).replace(' ', '-')
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        result.add(slug if n == 0 else f'{slug}-{n}')
    return result


def main():
    files = subprocess.run(['git', 'ls-files', '*.md'], cwd=root, capture_output=True,
                           text=True, check=True).stdout.split()
    broken = []
    for name in files:
        path = os.path.join(root, name)
        for line in prose_lines(path):
            for target in LINK.findall(re.sub(r'`[^`]*`', '', line)):
                if re.match(r'^[a-z]+:', target):
                    continue  # http:, https:, mailto:
                file_part, _, anchor = target.partition('#')
                resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) \
                    if file_part else path
                if not os.path.exists(resolved):
                    broken.append(f'{name}: {target}: no such file')
                elif anchor and resolved.endswith('.md') and anchor not in anchors(resolved):
                    broken.append(f'{name}: {target}: no heading with that anchor')
    for b in broken:
        print(b)
    print(f'{len(files)} Markdown files checked, {len(broken)} broken links')
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
