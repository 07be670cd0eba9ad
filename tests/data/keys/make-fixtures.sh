#!/usr/bin/env bash
# Regenerates the bad-input fixtures for the credential tests (test keys only).
set -euo pipefail
cd "$(dirname "$0")"
V=../vectors
openssl genrsa -out rsa1024_key.pem 1024 2>/dev/null
openssl req -new -x509 -key rsa1024_key.pem -subj "/CN=1900000001/O=small key" -days 3650 -out rsa1024_cert.pem 2>/dev/null
openssl rsa -in rsa1024_key.pem -pubout -out rsa1024_pub.pem 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec_key.pem
openssl rsa -in "$V/merchant_private_key.pem" -aes256 -passout pass:secret -out encrypted_key.pem 2>/dev/null
# A certificate for another key: must be reported as not matching the merchant key.
openssl req -new -x509 -key "$V/wechatpay_private_key.pem" -subj "/CN=other" -days 3650 -out other_cert.pem 2>/dev/null
# A p12 whose password is not the mchid.
openssl pkcs12 -export -inkey "$V/merchant_private_key.pem" -in "$V/merchant_certificate.pem" \
    -passout pass:not-the-mchid -out custom_password.p12
# A platform certificate carrying the WeChat Pay key (for verifying with a certificate serial).
openssl req -new -x509 -key "$V/wechatpay_private_key.pem" -subj "/CN=Tenpay.com Root CA platform/O=Tenpay.com" \
    -set_serial 0x3C1A2B3C4D5E6F708192A3B4C5D6E7F809 -days 3650 -out platform_certificate.pem 2>/dev/null
printf 'this is not a key\n' > garbage.pem
head -c 300 "$V/merchant_certificate.p12" > truncated.p12
# A platform certificate past its notAfter, carrying the WeChat Pay key: loaded with a warning.
openssl req -new -key "$V/wechatpay_private_key.pem" -subj "/CN=expired platform/O=Tenpay.com" -out expired.csr 2>/dev/null
openssl x509 -req -in expired.csr -signkey "$V/wechatpay_private_key.pem" -set_serial 0x5E1A2B3C4D5E6F7081 \
    -days -1 -out expired_platform_certificate.pem 2>/dev/null
rm -f expired.csr
