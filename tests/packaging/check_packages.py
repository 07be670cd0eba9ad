#!/usr/bin/env python3
"""Builds the Linux packages and the Windows installer with CPack from a built tree and checks
what can be checked on this machine (issue 7):

- the DEB: its control fields (version from project(VERSION), the explicit run-time dependencies),
  its file list (binaries, desktop file, AppStream metainfo, hicolor icons, translations), the
  desktop file and metainfo validated by desktop-file-validate and appstreamcli;
- the packaged programs, extracted: each prints its version; the desktop app starts offscreen in
  Chinese and finds its translation; every shared object it loads belongs to a package that its
  Depends pull in; the packaged CLI looks up an order, signed and verified, over HTTPS against the
  packaged sandbox;
- an old RC2-40 apiclient_cert.p12 opens in the packaged CLI from the package's own OpenSSL module
  folder (bin/ossl-modules, the Windows layout) with OpenSSL's own lookup pointed at nothing, and
  does not without that folder;
- the TGZ holds the same files;
- the NSIS installer builds with Debian's makensis from packaging/windows/NSIS.template.in, per-user.

    check_packages.py --build-dir DIR --cpack CPACK --version X.Y.Z --work-dir DIR

Exits 0 when every check passed, 1 with one line per failure otherwise.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

APP_ID = "io.github.fenzhangdesk.FenzhangDesk"
ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
# Loaded at run time, so dpkg-shlibdeps cannot see them: they must be named in Depends.
EXPLICIT_DEPENDS = ["libqt6sql6-sqlite", "qt6-qpa-plugins"]
# Found by dpkg-shlibdeps from the binaries' NEEDED entries.
LIBRARY_DEPENDS = ["libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6network6", "libqt6sql6",
                   "libqt6keychain1", "libssl3"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", flush=True)
    return condition


def run(argv, **kwargs):
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    kwargs.setdefault("timeout", 300)
    return subprocess.run(argv, **kwargs)


def expected_files(prefix):
    files = [f"{prefix}bin/fenzhang-desk", f"{prefix}bin/fenzhang-cli", f"{prefix}bin/fenzhang-sandbox",
             f"{prefix}share/applications/{APP_ID}.desktop",
             f"{prefix}share/metainfo/{APP_ID}.metainfo.xml",
             f"{prefix}share/icons/hicolor/scalable/apps/{APP_ID}.svg",
             f"{prefix}share/fenzhang-desk/translations/fenzhang_zh_CN.qm",
             f"{prefix}share/fenzhang-desk/translations/fenzhang_en.qm"]
    files += [f"{prefix}share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES]
    return files


def build_packages(args, out_dir):
    generators = ["DEB", "TGZ"]
    if shutil.which("makensis"):
        generators.append("NSIS")
    else:
        check(False, "makensis not found: install Debian's nsis (tools/dev setup does)")
    result = run([args.cpack, "--config", os.path.join(args.build_dir, "CPackConfig.cmake"),
                  "-G", ";".join(generators), "-B", out_dir])
    if not check(result.returncode == 0, f"cpack failed:\n{result.stdout}\n{result.stderr}"):
        sys.exit(1)
    names = os.listdir(out_dir)
    deb = [n for n in names if n.endswith(".deb")]
    tgz = [n for n in names if n.endswith(".tar.gz")]
    exe = [n for n in names if n.endswith(".exe")]
    return (os.path.join(out_dir, deb[0]) if deb else None,
            os.path.join(out_dir, tgz[0]) if tgz else None,
            os.path.join(out_dir, exe[0]) if exe else None)


def control_field(deb, field):
    return run(["dpkg-deb", "-f", deb, field]).stdout.strip()


def package_names(depends):
    """'a (>= 1), b | c' -> {'a', 'b', 'c'}"""
    names = set()
    for alternative in re.split(r"[,|]", depends):
        name = alternative.strip().split(" ")[0]
        if name:
            names.add(name)
    return names


def check_deb_control(deb, version):
    check(os.path.basename(deb) == f"fenzhang-desk_{version}_amd64.deb",
          f"DEB file name {os.path.basename(deb)} does not carry version {version}")
    check(control_field(deb, "Package") == "fenzhang-desk", "DEB Package is not fenzhang-desk")
    check(control_field(deb, "Version") == version, f"DEB Version is not {version}")
    depends = package_names(control_field(deb, "Depends"))
    for name in EXPLICIT_DEPENDS:
        check(name in depends, f"DEB Depends lacks {name}: {sorted(depends)}")
    # Debian 13 renamed the libraries whose ABI has a time_t in it (the "t64" transition): a DEB
    # built there (the Qt 6.8 leg, tools/qt68.sh) names libqt6core6t64, libssl3t64 and so on.
    for name in LIBRARY_DEPENDS:
        check(name in depends or name + "t64" in depends, f"DEB Depends lacks {name}: {sorted(depends)}")
    return depends


def check_file_list(listed, prefix, what):
    for path in expected_files(prefix):
        check(path in listed, f"{what} lacks {path}")


def check_desktop_and_metainfo(root, version):
    desktop = os.path.join(root, f"usr/share/applications/{APP_ID}.desktop")
    metainfo = os.path.join(root, f"usr/share/metainfo/{APP_ID}.metainfo.xml")
    with open(desktop, encoding="utf-8") as f:
        entry = f.read()
    exec_line = re.search(r"^Exec=(\S+)", entry, re.M)
    check(exec_line and os.path.exists(os.path.join(root, "usr/bin", exec_line.group(1))),
          "the desktop file's Exec= is not a packaged program")
    check(re.search(rf"^Icon={re.escape(APP_ID)}$", entry, re.M), f"the desktop file's Icon= is not {APP_ID}")
    check(re.search(r"^Name\[zh_CN\]=", entry, re.M), "the desktop file has no Chinese name")
    with open(metainfo, encoding="utf-8") as f:
        check(f'<release version="{version}"' in f.read(), f"the metainfo has no release {version}")
    if shutil.which("desktop-file-validate"):
        result = run(["desktop-file-validate", desktop])
        check(result.returncode == 0 and not result.stdout.strip(),
              f"desktop-file-validate: {result.stdout}{result.stderr}")
    else:
        check(False, "desktop-file-validate not found: install desktop-file-utils (tools/dev setup does)")
    if shutil.which("appstreamcli"):
        result = run(["appstreamcli", "validate", "--no-net", "--pedantic", metainfo])
        check(result.returncode == 0, f"appstreamcli validate: {result.stdout}{result.stderr}")
    else:
        check(False, "appstreamcli not found: install appstream (tools/dev setup does)")


def clean_environment(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "LD_"))}
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               XDG_RUNTIME_DIR=os.path.join(home, "runtime"), QT_QPA_PLATFORM="offscreen",
               LC_ALL="C.UTF-8")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    return env


def check_versions(bin_dir, version, env):
    for program in ("fenzhang-desk", "fenzhang-cli", "fenzhang-sandbox"):
        result = run([os.path.join(bin_dir, program), "--version"], env=env, timeout=30)
        check(result.returncode == 0 and version in result.stdout,
              f"packaged {program} --version printed {result.stdout!r} (exit {result.returncode}),"
              f" not {version}")


def owning_packages(paths):
    """The Debian packages owning these files (usrmerge: a file may be registered under /lib or
    /usr/lib), and the files no package owns."""
    candidates = []
    for path in paths:
        candidates.append(path)
        if path.startswith("/lib"):
            candidates.append("/usr" + path)
        elif path.startswith("/usr/lib"):
            candidates.append(path[len("/usr"):])
    owner = {}
    for line in run(["dpkg", "-S"] + candidates).stdout.splitlines():
        # Debian 13 also lists usrmerge diversions ("diversion by libc6 from: …", "… to: …"):
        # they say where a file moved, not who owns it.
        if line.startswith("diversion by "):
            continue
        packages, _, path = line.partition(": ")
        owner.setdefault(path.strip(), set()).update(p.split(":")[0] for p in packages.split(", "))
    found, unowned = set(), []
    for path in paths:
        alias = "/usr" + path if path.startswith("/lib") else path[len("/usr"):]
        packages = owner.get(path) or owner.get(alias)
        if packages:
            found |= packages
        else:
            unowned.append(path)
    return found, unowned


def dependency_closure(packages):
    result = run(["apt-cache", "depends", "--recurse", "--installed", "--no-recommends", "--no-suggests",
                  "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances"] + sorted(packages))
    closure = set(packages)
    for line in result.stdout.splitlines():
        match = re.match(r"\s+\|?(?:Pre)?Depends: <?([^>\s]+)>?", line)
        if match:
            closure.add(match.group(1).split(":")[0])
        elif not line.startswith(" "):
            closure.add(line.strip().split(":")[0])
    return closure


def check_desktop_start(bin_dir, root, depends, env):
    """Starts the packaged app offscreen in Chinese; it must find its translation, and every shared
    object it loads (LD_DEBUG names them) must come from a package its Depends pull in."""
    start_env = dict(env, LD_DEBUG="files")
    result = run([os.path.join(bin_dir, "fenzhang-desk"), "--exit-after-startup", "--language", "zh_CN"],
                 env=start_env, timeout=60)
    check(result.returncode == 0, f"the packaged fenzhang-desk did not start (exit {result.returncode})")
    check("not found in" not in result.stderr,
          "the packaged fenzhang-desk did not find its translation: "
          + "".join(l for l in result.stderr.splitlines(True) if "translation" in l))
    loaded = sorted({m.group(1) for m in re.finditer(r"calling init: (/\S+)", result.stderr)})
    loaded = [p for p in loaded if not p.startswith(root)]
    check(any("/plugins/platforms/" in p for p in loaded), "no Qt platform plugin was loaded")
    packages, unowned = owning_packages(loaded)
    check(not unowned, f"loaded files no package owns: {unowned}")
    missing = packages - dependency_closure(depends)
    check(not missing, f"the app loads files of packages its Depends do not pull in: {sorted(missing)}")


def check_cli_lookup(bin_dir, env):
    """The packaged CLI looks up the packaged sandbox's sample order over HTTPS."""
    sandbox = subprocess.Popen([os.path.join(bin_dir, "fenzhang-sandbox"), "--port", "0", "--tls"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        info = json.loads(sandbox.stdout.readline())
        order = info["samples"]["order"]
        result = run([os.path.join(bin_dir, "fenzhang-cli"),
                      "--mchid", info["mchid"], "--serial-no", info["serial_no"],
                      "--private-key", info["merchant_private_key"],
                      "--wechatpay-public-key-id", info["wechatpay_public_key_id"],
                      "--wechatpay-public-key", info["wechatpay_public_key"],
                      "--base-url", info["url"], "--backup-url", info["url"], "--ca-file", info["ca_file"],
                      "--format", "json", "order", "--sub-mchid", order["sub_mchid"],
                      "--transaction-id", order["transaction_id"], "--out-order-no", order["out_order_no"]],
                     env=env, timeout=60)
        if check(result.returncode == 0, f"packaged fenzhang-cli order failed (exit {result.returncode}):"
                                         f" {result.stderr.strip()}"):
            answer = json.loads(result.stdout)
            check(answer.get("out_order_no") == order["out_order_no"] and answer.get("receivers"),
                  f"packaged fenzhang-cli answered {result.stdout[:200]!r}")
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=10)


def openssl_modules_dir():
    result = run(["openssl", "version", "-m"])
    match = re.search(r'MODULESDIR: "([^"]+)"', result.stdout)
    return match.group(1) if match else None


def check_legacy_p12(bin_dir, env, work_dir):
    """The packages put OpenSSL's legacy module beside the programs (Windows: bin/ossl-modules;
    macOS: Contents/PlugIns/ossl-modules) and the app points OpenSSL there before loading it. Shown
    here with the Windows layout in the extracted tree: OPENSSL_MODULES names an empty folder, so
    only the module beside the CLI can open the RC2-40 .p12 (and without it, nothing can)."""
    modules = openssl_modules_dir()
    legacy = os.path.join(modules or "", "legacy.so")
    if not check(modules and os.path.exists(legacy), f"OpenSSL's legacy module not found ({legacy})"):
        return
    vectors = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "vectors")
    p12 = os.path.join(vectors, "merchant_certificate_legacy.p12")
    empty = tempfile.mkdtemp(dir=work_dir, prefix="no-modules-")
    lookup_env = dict(env, OPENSSL_MODULES=empty)
    sandbox = subprocess.Popen([os.path.join(bin_dir, "fenzhang-sandbox"), "--port", "0", "--keys", vectors],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    own_modules = os.path.join(bin_dir, "ossl-modules")
    try:
        info = json.loads(sandbox.stdout.readline())
        order = info["samples"]["order"]

        def lookup():
            return run([os.path.join(bin_dir, "fenzhang-cli"),
                        "--mchid", info["mchid"], "--private-key", p12,
                        "--wechatpay-public-key-id", info["wechatpay_public_key_id"],
                        "--wechatpay-public-key", info["wechatpay_public_key"],
                        "--base-url", info["url"], "--backup-url", info["url"],
                        "--format", "json", "order", "--sub-mchid", order["sub_mchid"],
                        "--transaction-id", order["transaction_id"], "--out-order-no", order["out_order_no"]],
                       env=lookup_env, timeout=60)

        without = lookup()
        check(without.returncode != 0,
              "the legacy .p12 opened with no legacy module anywhere: this check would prove nothing")
        os.makedirs(own_modules)
        shutil.copy(legacy, own_modules)
        result = lookup()
        if check(result.returncode == 0, "the packaged fenzhang-cli did not open the RC2-40 .p12 with the legacy "
                                         f"module in bin/ossl-modules (exit {result.returncode}): "
                                         f"{result.stderr.strip()}"):
            answer = json.loads(result.stdout)
            check(answer.get("out_order_no") == order["out_order_no"],
                  f"packaged fenzhang-cli answered {result.stdout[:200]!r}")
    finally:
        shutil.rmtree(own_modules, ignore_errors=True)
        sandbox.terminate()
        sandbox.wait(timeout=10)


def check_tgz(tgz, version):
    with tarfile.open(tgz) as archive:
        listed = set(archive.getnames())
    check_file_list(listed, f"fenzhang-desk-{version}-Linux/", "the TGZ")


def check_nsis(exe, out_dir):
    if not exe:
        check(False, "no NSIS installer was built")
        return
    with open(exe, "rb") as f:
        check(f.read(2) == b"MZ", "the NSIS installer is not a Windows executable")
    script = os.path.join(out_dir, "_CPack_Packages", "Linux", "NSIS", "project.nsi")
    with open(script, encoding="utf-8-sig") as f:
        nsi = f.read()
    check("RequestExecutionLevel user" in nsi and "RequestExecutionLevel admin" not in nsi,
          "the installer is not per-user")
    check('InstallDir "$LOCALAPPDATA\\Programs\\' in nsi, "the installer does not default to LOCALAPPDATA\\Programs")
    check("CreateShortcut \"$SMPROGRAMS\\" in nsi, "the installer makes no Start-menu shortcut")
    check("WriteUninstaller" in nsi and 'DeleteRegKey HKCU "${UNINSTALL_KEY}"' in nsi,
          "the installer has no per-user uninstaller")
    check("fenzhang_zh_CN.qm" in nsi, "the uninstaller does not know the translations")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--cpack", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()

    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir)
    out_dir = os.path.join(args.work_dir, "packages")
    os.makedirs(out_dir)
    deb, tgz, exe = build_packages(args, out_dir)
    if not check(deb is not None, "no DEB was built"):
        return 1

    depends = check_deb_control(deb, args.version)
    listed = {line.split()[-1] for line in run(["dpkg-deb", "-c", deb]).stdout.splitlines()}
    check_file_list({p.lstrip(".") for p in listed}, "/usr/", "the DEB")

    root = os.path.join(args.work_dir, "root")
    run(["dpkg-deb", "-x", deb, root], check=True)
    check_desktop_and_metainfo(root, args.version)
    home = tempfile.mkdtemp(dir=args.work_dir, prefix="home-")
    env = clean_environment(home)
    bin_dir = os.path.join(root, "usr", "bin")
    check_versions(bin_dir, args.version, env)
    check_desktop_start(bin_dir, root, depends, env)
    check_cli_lookup(bin_dir, env)
    check_legacy_p12(bin_dir, env, args.work_dir)

    if check(tgz is not None, "no TGZ was built"):
        check_tgz(tgz, args.version)
    if shutil.which("makensis"):
        check_nsis(exe, out_dir)

    if failures:
        print(f"{len(failures)} packaging check(s) failed", flush=True)
        return 1
    print("all packaging checks passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
