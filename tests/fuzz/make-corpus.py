#!/usr/bin/env python3
"""Regenerates the fuzzers' seed corpus (tests/fuzz/corpus/<target>/) from real sandbox answers
and the signing vectors.

    tests/fuzz/make-corpus.py PATH/TO/fenzhang-sandbox

It starts the sandbox with the vectors' keys (tests/data/vectors), signs requests for its sample
order and return and for the scenarios whose bodies differ (PROCESSING, UNKNOWN_ENUM, BIG_AMOUNT,
TIME_FORMATS, 404, NOT_JSON) with the openssl command line, and saves what comes back: bodies for
the result parsers, time strings for the RFC 3339 parser, head+body for the verifier, the
Authorization headers it sent for the sandbox's parser, and CSV/TSV batch files built from the
sample numbers for the importer. Files are named by content hash so reruns only add what is new.
"""

import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "data", "vectors")
CORPUS = os.path.join(HERE, "corpus")


def save(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def sign(key_file, message):
    out = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key_file],
                         input=message.encode(), capture_output=True, check=True).stdout
    return subprocess.run(["openssl", "base64", "-A"], input=out, capture_output=True,
                          check=True).stdout.decode()


def fetch(info, target):
    ts = str(int(time.time()))
    nonce = secrets.token_hex(16)
    signature = sign(info["merchant_private_key"], f"GET\n{target}\n{ts}\n{nonce}\n\n")
    authorization = (f'WECHATPAY2-SHA256-RSA2048 mchid="{info["mchid"]}",nonce_str="{nonce}",'
                     f'timestamp="{ts}",serial_no="{info["serial_no"]}",signature="{signature}"')
    request = urllib.request.Request(info["url"] + target, headers={
        "Accept": "application/json", "Authorization": authorization})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return authorization, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return authorization, error.headers, error.read()


def save_answer(authorization, headers, body):
    save("fuzz_authorization", authorization)
    head = "".join(f"{k}: {v}\n" for k, v in headers.items())
    save("fuzz_verifier", head.encode() + b"\n" + body)
    save("fuzz_orderresult", body)
    save("fuzz_returnresult", body)
    for stamp in re.findall(rb'"(\d{4}-\d\d-\d\dT[^"]*)"', body):
        save("fuzz_wxtime", stamp)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sandbox = subprocess.Popen([sys.argv[1], "--keys", VECTORS], stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(sandbox.stdout.readline())
        order = info["samples"]["order"]
        ret = info["samples"]["return"]

        def order_target(number):
            return (f"/v3/profitsharing/orders/{number}?sub_mchid={order['sub_mchid']}"
                    f"&transaction_id={order['transaction_id']}")

        def return_target(number):
            return (f"/v3/brand/profitsharing/returnorders?sub_mchid={ret['sub_mchid']}"
                    f"&out_return_no={number}&order_id={ret['order_id']}")

        numbers = ["SCN-PROCESSING-1-corpus", "SCN-UNKNOWN_ENUM", "SCN-BIG_AMOUNT", "SCN-TIME_FORMATS",
                   "SCN-404", "SCN-NOT_JSON"]
        for target in ([order_target(order["out_order_no"]), return_target(ret["out_return_no"])]
                       + [order_target(n) for n in numbers] + [return_target(n) for n in numbers]):
            save_answer(*fetch(info, target))

        # The batch importer: the same numbers as a CSV with a header, a headerless TSV, with a BOM,
        # in GB18030 with a Chinese note column, and with quoting.
        save("fuzz_csvimport", b"\x00sub_mchid,transaction_id,out_order_no\r\n"
             + f"{order['sub_mchid']},{order['transaction_id']},{order['out_order_no']}\r\n".encode())
        save("fuzz_csvimport", b"\x02" + f"{order['sub_mchid']}\t{order['transaction_id']}\t"
             f"{order['out_order_no']}\n{order['sub_mchid']}\t{order['transaction_id']}\tSCN-404\n".encode())
        save("fuzz_csvimport", b"\x01\xef\xbb\xbfsub_mchid,out_return_no,order_id\n"
             + f"{ret['sub_mchid']},{ret['out_return_no']},{ret['order_id']}\n".encode())
        save("fuzz_csvimport", b"\x01" + "sub_mchid,out_return_no,order_id,备注\n".encode("gb18030")
             + f"{ret['sub_mchid']},{ret['out_return_no']},{ret['order_id']},分账回退\n".encode("gb18030"))
        save("fuzz_csvimport", b'\x00"sub_mchid","transaction_id","out_order_no"\n'
             + f'"{order["sub_mchid"]}","{order["transaction_id"]}","P""1,\n2"\n'.encode())
    finally:
        sandbox.terminate()
        sandbox.wait()

    # The vectors: the verifier's known answers (valid and broken), reachable with its fixed clock,
    # and the request vectors' Authorization headers.
    with open(os.path.join(VECTORS, "vectors.json"), encoding="utf-8") as f:
        vectors = json.load(f)
    for case in vectors["responses"]:
        head = ""
        for header, key in (("Wechatpay-Timestamp", "wechatpay_timestamp"), ("Wechatpay-Nonce", "wechatpay_nonce"),
                            ("Wechatpay-Serial", "wechatpay_serial"), ("Wechatpay-Signature", "wechatpay_signature")):
            if key in case:
                head += f"{header}: {case[key]}\n"
        save("fuzz_verifier", head + "\n" + case["body"])
        save("fuzz_orderresult", case["body"])
    for case in vectors["requests"]:
        if "authorization" in case:
            save("fuzz_authorization", case["authorization"])
    for stamp in ["2015-05-20T13:29:35+08:00", "2015-05-20T13:29:35.120+08:00", "2015-05-20T13:29:35:120+08:00",
                  "2015-05-20T05:29:35Z", "2015-05-20T05:29:35.120456Z", "2015-05-20T00:29:35-05:00"]:
        save("fuzz_wxtime", stamp)


if __name__ == "__main__":
    main()
