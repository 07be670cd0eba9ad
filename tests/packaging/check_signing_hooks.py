#!/usr/bin/env python3
"""The CPack signing hooks (packaging/sign-binaries.cmake, sign-packages.cmake) run here as CPack
runs them (cmake -P with the CPACK_* variables set), with stand-ins for signtool, codesign and
xcrun on PATH that record how they were called. Checks: without secrets nothing is signed and the
hooks say so; with them every binary, the installer and the disk image are signed (hardened runtime
on macOS), the DMG is notarized and stapled; a tool's failure stops packaging; a password is never
printed.

    check_signing_hooks.py --cmake CMAKE --packaging-dir DIR
"""

import argparse
import os
import stat
import subprocess
import sys
import tempfile
import unittest

ARGS = None
PASSWORD = "s3cret-Pfx-pw"
NOTARY_PASSWORD = "abcd-efgh-ijkl-mnop"


class SigningHooks(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = self.dir.name
        self.log = os.path.join(self.root, "calls.log")
        self.tools = os.path.join(self.root, "tools")
        os.makedirs(self.tools)
        for tool in ("signtool", "codesign", "xcrun"):
            self.fake_tool(tool, fail=False)
        self.staging = os.path.join(self.root, "staging")
        for path in ("bin/fenzhang-desk.exe", "bin/Qt6Core.dll", "bin/ossl-modules/legacy.dll",
                     "translations/fenzhang_zh_CN.qm"):
            self.touch(os.path.join(self.staging, path))
        for path in ("MacOS/fenzhang-desk", "MacOS/fenzhang-cli", "MacOS/fenzhang-sandbox",
                     "PlugIns/ossl-modules/legacy.dylib"):
            self.touch(os.path.join(self.staging, "fenzhang-desk.app", "Contents", path))

    def tearDown(self):
        self.dir.cleanup()

    def touch(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()

    def fake_tool(self, name, fail):
        path = os.path.join(self.tools, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n"
                    f"printf '%s\\n' \"{name} $*\" >> '{self.log}'\n"
                    + ("echo \"error: bad password $*\" >&2; exit 3\n" if fail else "exit 0\n"))
        os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as f:
            return f.read().splitlines()

    def hook(self, script, generator, env_extra=None, package_files=""):
        env = {k: v for k, v in os.environ.items() if not k.startswith("FENZHANG_")}
        env["PATH"] = self.tools + os.pathsep + env["PATH"]
        env.update(env_extra or {})
        return subprocess.run(
            [ARGS.cmake, f"-DCPACK_GENERATOR={generator}", f"-DCPACK_TEMPORARY_INSTALL_DIRECTORY={self.staging}",
             f"-DCPACK_PACKAGE_FILES={package_files}", "-P", os.path.join(ARGS.packaging_dir, script)],
            env=env, capture_output=True, text=True, timeout=60)

    def windows_secrets(self):
        return {"FENZHANG_SIGN_PFX": os.path.join(self.root, "release.pfx"), "FENZHANG_SIGN_PASSWORD": PASSWORD}

    def test_windows_withoutSecrets_signsNothingAndSaysSo(self):
        for script in ("sign-binaries.cmake", "sign-packages.cmake"):
            result = self.hook(script, "NSIS", package_files=os.path.join(self.root, "setup.exe"))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("skipped: FENZHANG_SIGN_PFX is not set", result.stdout + result.stderr)
        self.assertEqual(self.calls(), [])

    def test_windows_signsEveryBinaryThenTheInstaller(self):
        result = self.hook("sign-binaries.cmake", "NSIS", self.windows_secrets())
        self.assertEqual(result.returncode, 0, result.stderr)
        signed = sorted(call.split()[-1] for call in self.calls())
        self.assertEqual(signed, sorted(os.path.join(self.staging, p) for p in
                                        ("bin/fenzhang-desk.exe", "bin/Qt6Core.dll", "bin/ossl-modules/legacy.dll")))
        for call in self.calls():
            self.assertIn("sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com", call)
            self.assertIn(f"/f {self.windows_secrets()['FENZHANG_SIGN_PFX']} /p {PASSWORD}", call)
        installer = os.path.join(self.root, "fenzhang-desk-0.1.0-win64.exe")
        result = self.hook("sign-packages.cmake", "NSIS", self.windows_secrets(), package_files=installer)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(self.calls()[-1].endswith(installer))
        self.assertNotIn(PASSWORD, result.stdout + result.stderr)

    def test_windows_toolFails_stopsPackagingWithoutShowingThePassword(self):
        self.fake_tool("signtool", fail=True)
        result = self.hook("sign-binaries.cmake", "NSIS", self.windows_secrets())
        self.assertNotEqual(result.returncode, 0)
        output = result.stdout + result.stderr
        self.assertIn("signtool failed (3)", output)
        self.assertIn("***", output)
        self.assertNotIn(PASSWORD, output)

    def test_macos_withoutSecrets_signsNothingAndSaysSo(self):
        result = self.hook("sign-binaries.cmake", "DragNDrop")
        self.assertIn("Code signing skipped: FENZHANG_CODESIGN_IDENTITY is not set", result.stdout + result.stderr)
        result = self.hook("sign-packages.cmake", "DragNDrop", package_files=os.path.join(self.root, "a.dmg"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Notarization skipped", result.stdout + result.stderr)
        self.assertEqual(self.calls(), [])

    def test_macos_signsBundleWithHardenedRuntimeThenNotarizesAndStaples(self):
        identity = {"FENZHANG_CODESIGN_IDENTITY": "Developer ID Application: Fenzhang Desk (TEAM123456)"}
        result = self.hook("sign-binaries.cmake", "DragNDrop", identity)
        self.assertEqual(result.returncode, 0, result.stderr)
        *nested_calls, bundle_call = self.calls()
        contents = os.path.join(self.staging, "fenzhang-desk.app", "Contents")
        self.assertEqual(sorted(call.rsplit(" ", 1)[-1] for call in nested_calls),
                         sorted(os.path.join(contents, p) for p in (
                             "MacOS/fenzhang-cli", "MacOS/fenzhang-sandbox", "PlugIns/ossl-modules/legacy.dylib")))
        for call in nested_calls:
            self.assertTrue(call.startswith("codesign --force --timestamp --options runtime --sign "), call)
        self.assertTrue(bundle_call.startswith("codesign --force --timestamp --deep --options runtime --entitlements "))
        self.assertTrue(bundle_call.endswith(os.path.join(self.staging, "fenzhang-desk.app")))
        self.assertIn(identity["FENZHANG_CODESIGN_IDENTITY"], bundle_call)

        dmg = os.path.join(self.root, "fenzhang-desk-0.1.0-Darwin.dmg")
        notary = dict(identity, FENZHANG_NOTARY_APPLE_ID="release@example.com",
                      FENZHANG_NOTARY_TEAM_ID="TEAM123456", FENZHANG_NOTARY_PASSWORD=NOTARY_PASSWORD)
        result = self.hook("sign-packages.cmake", "DragNDrop", notary, package_files=dmg)
        self.assertEqual(result.returncode, 0, result.stderr)
        calls = self.calls()[len(nested_calls) + 1:]
        self.assertEqual(len(calls), 3, calls)
        self.assertTrue(calls[0].startswith("codesign ") and calls[0].endswith(dmg))
        self.assertTrue(calls[1].startswith(f"xcrun notarytool submit {dmg} --wait --apple-id release@example.com"))
        self.assertEqual(calls[2], f"xcrun stapler staple {dmg}")
        self.assertNotIn(NOTARY_PASSWORD, result.stdout + result.stderr)

    def test_macos_notarizationFails_stopsPackagingWithoutShowingThePassword(self):
        self.fake_tool("xcrun", fail=True)
        notary = {"FENZHANG_NOTARY_APPLE_ID": "release@example.com", "FENZHANG_NOTARY_TEAM_ID": "TEAM123456",
                  "FENZHANG_NOTARY_PASSWORD": NOTARY_PASSWORD}
        result = self.hook("sign-packages.cmake", "DragNDrop", notary, package_files=os.path.join(self.root, "a.dmg"))
        self.assertNotEqual(result.returncode, 0)
        output = result.stdout + result.stderr
        self.assertIn("xcrun failed (3) for " + os.path.join(self.root, "a.dmg"), output)
        self.assertNotIn(NOTARY_PASSWORD, output)

    def test_linuxPackages_areNeverSigned(self):
        for script in ("sign-binaries.cmake", "sign-packages.cmake"):
            result = self.hook(script, "DEB", dict(self.windows_secrets(), FENZHANG_CODESIGN_IDENTITY="x"))
            self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.calls(), [])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cmake", required=True)
    parser.add_argument("--packaging-dir", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
