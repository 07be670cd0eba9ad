#!/usr/bin/env python3
"""Runs one repository linter over every file of its kind (tests/lint/CMakeLists.txt).

  lint.py workflows --repo DIR --tool action-validator
      each .github/workflows/*.yml against GitHub's workflow schema (unknown keys, a job that
      `needs` a job that does not exist, a step with both `uses` and `run`, ...)
  lint.py shell --repo DIR --tool shellcheck
      every shell script: *.sh and *.bash files, and files whose first line is a sh/bash shebang

  lint.py version --repo DIR --tool tools/project-version.sh --expected X.Y.Z
      the release workflow's version reader gives project(VERSION) from CMakeLists.txt as checked
      out with LF and with CRLF line ends (a Windows runner without .gitattributes)

The files are found when the test runs (tracked files when DIR is a git checkout), so a new script
or workflow is checked without touching CMake. Fails when no file is found: a linter that checks
nothing is no test.
"""
import argparse
import os
import re
import subprocess
import sys

SHEBANG = re.compile(rb"^#!\s*\S*(/|env\s+)(ba|da)?sh\b")
SKIP_DIRS = {".git", "build", "node_modules"}


def repo_files(repo):
    try:
        out = subprocess.run(["git", "-C", repo, "ls-files", "-z", "--cached", "--others",
                              "--exclude-standard"],
                             check=True, capture_output=True).stdout
        return sorted(p for p in out.decode().split("\0") if p and os.path.isfile(os.path.join(repo, p)))
    except (OSError, subprocess.CalledProcessError):
        found = []
        for root, dirs, files in os.walk(repo):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            found += [os.path.relpath(os.path.join(root, f), repo) for f in files]
        return sorted(found)


def shell_scripts(repo):
    scripts = []
    for path in repo_files(repo):
        if path.endswith((".sh", ".bash")):
            scripts.append(path)
            continue
        try:
            with open(os.path.join(repo, path), "rb") as f:
                first = f.readline(200)
        except OSError:
            continue
        if SHEBANG.match(first):
            scripts.append(path)
    return scripts


def workflows(repo):
    return [p for p in repo_files(repo)
            if p.startswith(".github/workflows/") and p.endswith((".yml", ".yaml"))]


def check_version(args):
    import tempfile
    with open(os.path.join(args.repo, "CMakeLists.txt"), "rb") as f:
        text = f.read().replace(b"\r\n", b"\n")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (("LF", text), ("CRLF", text.replace(b"\n", b"\r\n"))):
            path = os.path.join(tmp, f"CMakeLists-{name}.txt")
            with open(path, "wb") as f:
                f.write(data)
            result = subprocess.run(["bash", args.tool, path], capture_output=True, text=True)
            got = result.stdout.strip()
            print(f"{name}: {got!r} (exit {result.returncode})")
            if result.returncode != 0 or got != args.expected:
                print(f"FAIL: with {name} line ends the version read is {got!r}, not {args.expected!r}")
                failed = True
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["workflows", "shell", "version"])
    parser.add_argument("--repo", required=True)
    parser.add_argument("--tool", required=True)
    parser.add_argument("--expected")
    args = parser.parse_args()
    if args.kind == "version":
        return check_version(args)

    files = workflows(args.repo) if args.kind == "workflows" else shell_scripts(args.repo)
    if not files:
        print(f"FAIL: no {args.kind} found under {args.repo}")
        return 1
    failed = []
    if args.kind == "shell":
        # -x follows `source` lines (tools/packages.bash); one run, so each finding names its file.
        result = subprocess.run([args.tool, "-x", "--format=gcc", *files], cwd=args.repo)
        if result.returncode != 0:
            failed = ["shellcheck"]
    else:
        for path in files:
            result = subprocess.run([args.tool, path], cwd=args.repo)
            if result.returncode != 0:
                failed.append(path)
    print(f"{args.kind}: {len(files)} checked: " + ", ".join(files))
    if failed:
        print(f"FAIL: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
