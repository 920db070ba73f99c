#!/usr/bin/env python3
"""The shape of the code (issue #10): no line over 120 characters, no function over 60 lines,
no nesting deeper than 4 control blocks (`if`, `for`, `while`, `switch`, `guard`, `do`…) inside a
function, in Sources/. Swift is read lightly: strings and comments are skipped, braces counted;
the blocks of result builders (page markup) and closures are not control flow and do not count. Prints each offence and exits 1 when
there is one; `--report` prints the figures without failing.

usage: Scripts/code_shape.py [--report] [paths…]"""
import os
import re
import subprocess
import sys

MAX_LINE, MAX_FUNC, MAX_NEST = 120, 60, 4


def code_only(text):
    """The text with strings and comments blanked (newlines kept), so braces can be counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j; continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j; continue
        m = re.match(r'(#*)("""|")', text[i:])
        if m and (m.group(1) or c == '"'):
            hashes, quote = m.group(1), m.group(2)
            close = quote + hashes
            j = i + len(m.group(0))
            depth = 0
            while j < n:
                if text[j] == "\\" and text.startswith("\\" + hashes + "(", j):
                    depth += 1; j += 2 + len(hashes); continue
                if depth > 0:
                    if text[j] == "(": depth += 1
                    elif text[j] == ")": depth -= 1
                    j += 1; continue
                if text[j] == "\\" and not hashes:
                    j += 2; continue
                if text.startswith(close, j):
                    j += len(close); break
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j; continue
        out.append(c); i += 1
    return "".join(out)


def check(path):
    text = open(path, encoding="utf-8").read()
    offences = []
    for k, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            offences.append((path, k, f"ligne de {len(line)} caractères"))
    code = code_only(text)
    lines = code.split("\n")
    stack = []  # [kind, start line, max control nesting seen (funcs)]
    pending_func = None
    longest = deepest = 0
    control = re.compile(r"\b(if|else|for|while|switch|guard|do|catch|repeat)\b")
    for k, line in enumerate(lines, 1):
        if re.search(r"\bfunc\b|(?<![.\w])init[?!]?\s*[(<]|\bsubscript\b", line):
            pending_func = k
        for pos, ch in enumerate(line):
            if ch == "{":
                if pending_func is not None:
                    stack.append(["func", pending_func, 0]); pending_func = None
                else:
                    stack.append(["control" if control.search(line[:pos]) else "block", k, 0])
                    # Control nesting counts the control blocks since the innermost function.
                    nest = 0
                    for s_ in reversed(stack):
                        if s_[0] == "func":
                            s_[2] = max(s_[2], nest + (1 if stack[-1][0] == "control" else 0) - 0)
                            break
                        if s_[0] == "control":
                            nest += 1
                    else:
                        nest = 0
                    funcs = [s_ for s_ in stack if s_[0] == "func"]
                    if funcs:
                        funcs[-1][2] = max(funcs[-1][2], nest)
            elif ch == "}":
                if stack:
                    kind, start, nest = stack.pop()
                    if kind == "func":
                        length = k - start + 1
                        longest = max(longest, length)
                        deepest = max(deepest, nest)
                        if length > MAX_FUNC:
                            offences.append((path, start, f"fonction de {length} lignes"))
                        if nest > MAX_NEST:
                            offences.append((path, start, f"imbrication de {nest} blocs de contrôle"))
    return offences, longest, deepest


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    report = "--report" in sys.argv
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    files = args or subprocess.check_output(["git", "-C", root, "ls-files", "Sources/*.swift"], text=True).split()
    files = [f if os.path.isabs(f) else os.path.join(root, f) for f in files]
    all_offences, longest, deepest = [], 0, 0
    for f in files:
        o, l, d = check(f)
        all_offences += o; longest = max(longest, l); deepest = max(deepest, d)
    for path, line, what in all_offences:
        print(f"{os.path.relpath(path, root)}:{line}: {what}")
    print(f"{len(files)} fichiers : fonction la plus longue {longest} lignes (≤ {MAX_FUNC}), "
          f"imbrication la plus profonde {deepest} (≤ {MAX_NEST}), {len(all_offences)} écart(s)")
    return 1 if all_offences and not report else 0


if __name__ == "__main__":
    sys.exit(main())
