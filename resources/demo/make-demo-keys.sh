#!/bin/sh
# Regenerates the demo keys bundled into fenzhang-sandbox (resources/demo/). Demo material only:
# these keys are public in the repository and must never be used against the real WeChat Pay.
#
#   merchant_private_key.pem      merchant API private key (RSA-2048, PKCS#8)
#   merchant_certificate.pem      self-signed merchant API certificate (its serial is the serial_no)
#   wechatpay_private_key.pem     the sandbox's "WeChat Pay" signing key (RSA-2048, PKCS#8)
#   wechatpay_public_key.pem      its public key, what clients verify answers with
#   wechatpay_public_key_id       the key's id (PUB_KEY_ID_...)
#   tls_ca.pem                    CA that issued the HTTPS certificate (for --tls; clients trust it)
#   tls_server_certificate.pem    HTTPS certificate for 127.0.0.1 and localhost (SAN)
#   tls_server_private_key.pem    its key
#
# Usage: sh resources/demo/make-demo-keys.sh   (needs the openssl command line, 3.x)
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
days=7300
mchid=1900000001

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out merchant_private_key.pem
openssl req -new -x509 -key merchant_private_key.pem -sha256 -days $days \
    -subj "/C=CN/O=Fenzhang Desk Demo/OU=Fenzhang Desk Demo/CN=$mchid" \
    -out merchant_certificate.pem

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out wechatpay_private_key.pem
openssl pkey -in wechatpay_private_key.pem -pubout -out wechatpay_public_key.pem
printf 'PUB_KEY_ID_0119000000012026112400000000000002\n' > wechatpay_public_key_id

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/ca_key.pem"
openssl req -new -x509 -key "$work/ca_key.pem" -sha256 -days $days \
    -subj "/O=Fenzhang Desk Demo/CN=Fenzhang Sandbox Demo CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out tls_ca.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out tls_server_private_key.pem
openssl req -new -key tls_server_private_key.pem -subj "/O=Fenzhang Desk Demo/CN=localhost" \
    -out "$work/server.csr"
cat > "$work/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
openssl x509 -req -in "$work/server.csr" -CA tls_ca.pem -CAkey "$work/ca_key.pem" -CAcreateserial -CAserial "$work/ca.srl" \
    -sha256 -days $days -extfile "$work/server.ext" -out tls_server_certificate.pem

chmod 600 merchant_private_key.pem wechatpay_private_key.pem tls_server_private_key.pem
openssl x509 -in merchant_certificate.pem -noout -serial
