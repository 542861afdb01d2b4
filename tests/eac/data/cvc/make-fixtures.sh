#!/bin/sh
# Regenerates the OpenPACE-made CV certificate fixtures in this folder (cvc-create from the Debian
# package `openpace`). Tests check them on the fixed day 2025-06-01. Private keys are thrown away.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ec_key() { openssl genpkey -quiet -algorithm EC -pkeyopt "ec_paramgen_curve:$1" -outform DER -out "$work/$2"; }
rsa_key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -outform DER -out "$work/$1"; }
# OpenPACE 1.1.2 drops leading zero bytes of r and s from plain ECDSA signatures, which TR-03111
# forbids (and our parser refuses). `cvc LENGTH ARGS...` therefore repeats cvc-create until the
# signature has the full LENGTH bytes of the signer's scheme (2 x order size, or the RSA modulus).
signature_has_length() {
    hex=$(od -An -v -tx1 "$1" | tr -d ' \n')
    encoded=$(printf '%02x' "$2")
    [ "$2" -ge 128 ] && encoded="81$encoded"
    [ "$2" -ge 256 ] && encoded=$(printf '82%04x' "$2")
    rest=${hex##*5f37$encoded}
    [ ${#rest} -eq $(($2 * 2)) ]
}
cvc() {
    wanted=$1
    shift
    out=
    for arg in "$@"; do case $arg in --out-cert=*) out=${arg#--out-cert=} ;; esac; done
    until cvc-create "$@" >/dev/null && signature_has_length "$out" "$wanted"; do :; done
}

printf 'Name, Anschrift und E-Mail-Adresse des Diensteanbieters:\nTest-Dienst GmbH, Musterweg 1, 12345 Berlin\n\nZweck des Auslesevorgangs:\nAltersnachweis\n' >"$work/terms.txt"
printf '<html><body><p>Test-Dienst GmbH &mdash; Altersnachweis</p></body></html>\n' >"$work/terms.html"

# $1 prefix, $2 scheme, $3 key kind (ec curve or rsa), $4 signature length in bytes
chain() {
    prefix=$1 scheme=$2 kind=$3 bytes=$4
    if [ "$kind" = rsa ]; then rsa_key "$prefix-cvca.pkcs8"; else ec_key "$kind" "$prefix-cvca.pkcs8"; fi
    cvc "$bytes" --role=cvca --type=at --chr=DETESTCVCA00001 --issued=240101 --expires=301231 \
        --sign-with="$work/$prefix-cvca.pkcs8" --scheme="$scheme" --out-cert="$prefix-cvca.cvcert" \
        --read-dg1 --read-dg2 --read-dg3 --read-dg4 --read-dg5 --read-dg8 --read-dg17 \
        --verify-age --verify-community --rid --can-allowed --pin-management
    cvc "$bytes" --role=dv_domestic --chr=DEDVTEST00001 --issued=240101 --expires=291231 \
        --sign-as="$prefix-cvca.cvcert" --sign-with="$work/$prefix-cvca.pkcs8" --scheme="$scheme" \
        --out-cert="$prefix-dv.cvcert" --out-key="$work/$prefix-dv.pkcs8" \
        --read-dg1 --read-dg2 --read-dg3 --read-dg4 --read-dg5 --read-dg8 --verify-age --rid
    # The terminal asks for DG17 and CAN-allowed too; the DV does not grant them.
    cvc "$bytes" --role=terminal --chr=DETESTAT00001 --issued=240101 --expires=281231 \
        --sign-as="$prefix-dv.cvcert" --sign-with="$work/$prefix-dv.pkcs8" --scheme="$scheme" \
        --out-cert="$prefix-at.cvcert" --out-key="$work/$prefix-at.pkcs8" \
        --read-dg1 --read-dg4 --read-dg5 --read-dg8 --read-dg17 --verify-age --can-allowed \
        --cert-desc="$work/terms.txt" --out-desc="$prefix-at.desc" \
        --issuer-name="Test-DV (OpenPACE)" --issuer-url=https://dv.example.org \
        --subject-name="Test-Dienst GmbH" --subject-url=https://service.example.org
}

chain ecdsa-bp256-sha256 ECDSA_SHA_256 brainpoolP256r1 64
chain ecdsa-bp512-sha512 ECDSA_SHA_512 brainpoolP512r1 128
chain ecdsa-p384-sha384 ECDSA_SHA_384 secp384r1 96
chain ecdsa-p256-sha224 ECDSA_SHA_224 prime256v1 64
chain ecdsa-bp384-sha1 ECDSA_SHA_1 brainpoolP384r1 96
chain rsa-v15-sha256 RSA_v1_5_SHA_256 rsa 256
chain rsa-pss-sha256 RSA_PSS_SHA_256 rsa 256
chain rsa-pss-sha512 RSA_PSS_SHA_512 rsa 256
chain rsa-v15-sha1 RSA_v1_5_SHA_1 rsa 256
chain rsa-v15-sha512 RSA_v1_5_SHA_512 rsa 256
chain rsa-pss-sha1 RSA_PSS_SHA_1 rsa 256
chain ecdsa-p521-sha512 ECDSA_SHA_512 secp521r1 132
chain ecdsa-bp224-sha224 ECDSA_SHA_224 brainpoolP224r1 56

base=ecdsa-bp256-sha256
# Link certificate: the CVCA moves to a new key on another curve, signed with the old key.
ec_key secp384r1 link-cvca2.pkcs8
cvc 64 --role=cvca --type=at --chr=DETESTCVCA00002 --issued=240601 --expires=251231 \
    --sign-as="$base-cvca.cvcert" --sign-with="$work/$base-cvca.pkcs8" --scheme=ECDSA_SHA_384 \
    --key="$work/link-cvca2.pkcs8" --out-cert=link-cvca2.cvcert \
    --read-dg1 --read-dg4 --read-dg5 --read-dg8 --verify-age --rid
# A link certificate that has expired since (2024): the card still takes it.
ec_key brainpoolP256r1 link-cvca3.pkcs8
cvc 96 --role=cvca --type=at --chr=DETESTCVCA00003 --issued=240601 --expires=241231 \
    --sign-as=link-cvca2.cvcert --sign-with="$work/link-cvca2.pkcs8" --scheme=ECDSA_SHA_256 \
    --key="$work/link-cvca3.pkcs8" --out-cert=link-cvca3.cvcert \
    --read-dg1 --read-dg4 --read-dg5 --read-dg8 --verify-age --rid
cvc 64 --role=dv_foreign --chr=DEDVTEST00003 --issued=250101 --expires=261231 \
    --sign-as=link-cvca3.cvcert --sign-with="$work/link-cvca3.pkcs8" --scheme=ECDSA_SHA_256 \
    --out-cert=link-dv.cvcert --out-key="$work/link-dv.pkcs8" --read-dg1 --read-dg4 --verify-age
cvc 64 --role=terminal --chr=DETESTAT00003 --issued=250101 --expires=251231 \
    --sign-as=link-dv.cvcert --sign-with="$work/link-dv.pkcs8" --scheme=ECDSA_SHA_256 \
    --out-cert=link-at.cvcert --out-key="$work/link-at.pkcs8" --read-dg4 --verify-age \
    --cert-desc="$work/terms.html" --out-desc=link-at.desc --issuer-name="Test-DV" \
    --subject-name="HTML-Dienst"

# Expired terminal (2024) and one not yet valid (2026) under the base DV.
cvc 64 --role=terminal --chr=DETESTAT00010 --issued=240101 --expires=241231 \
    --sign-as="$base-dv.cvcert" --sign-with="$work/$base-dv.pkcs8" --scheme=ECDSA_SHA_256 \
    --out-cert=expired-at.cvcert --out-key="$work/expired-at.pkcs8" --read-dg4
cvc 64 --role=terminal --chr=DETESTAT00011 --issued=260101 --expires=261231 \
    --sign-as="$base-dv.cvcert" --sign-with="$work/$base-dv.pkcs8" --scheme=ECDSA_SHA_256 \
    --out-cert=future-at.cvcert --out-key="$work/future-at.pkcs8" --read-dg4
# Claims the base DV as issuer but is signed with another key.
ec_key brainpoolP256r1 forger.pkcs8
cvc 64 --role=terminal --chr=DETESTAT00012 --issued=240101 --expires=281231 \
    --sign-as="$base-dv.cvcert" --sign-with="$work/forger.pkcs8" --scheme=ECDSA_SHA_256 \
    --out-cert=forged-at.cvcert --out-key="$work/forged-at.pkcs8" --read-dg4
# One terminal certificate per cvc-create right flag; chat-bits.txt keeps the flag and the CHAT
# template OpenPACE wrote for it, so our bit names are checked against an independent tool.
flags="--verify-age --verify-community --rid --privileged --can-allowed --pin-management
--install-cert --install-qual-cert --at-rfu29 --at-rfu30 --at-rfu31 --at-rfu32"
for dg in $(seq 1 21); do flags="$flags --read-dg$dg"; done
for dg in $(seq 17 21); do flags="$flags --write-dg$dg"; done
: >chat-bits.txt
for flag in $flags; do
    cvc 64 --role=terminal --chr=DETESTAT00099 --issued=240101 --expires=281231 \
        --sign-as="$base-dv.cvcert" --sign-with="$work/$base-dv.pkcs8" --scheme=ECDSA_SHA_256 \
        --out-cert="$work/bit.cvcert" --out-key="$work/bit.pkcs8" "$flag"
    template=$(od -An -v -tx1 "$work/bit.cvcert" | tr -d ' \n' |
        sed -n 's/.*060904007f0007030102025305\([0-9a-f]\{10\}\).*/\1/p')
    echo "$flag $template" >>chat-bits.txt
done
echo "fixtures written to $(pwd)"
