#!/bin/sh
# Makes the passive authentication fixtures with the openssl command line (independent of our
# code): a test CSCA, document signers and EF.CardSecurity files signing the SecurityInfos of the
# BSI worked example. Run from this folder; the tests use fixed dates inside the validities.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The signed SecurityInfos of the BSI worked example (eContent of its EF.CardSecurity).
openssl cms -verify -noverify -binary -inform DER -in bsi-we-card-security.der \
    -out security-infos.der
openssl cms -verify -noverify -binary -inform DER -in bsi-we-card-security.der \
    -signer bsi-we-document-signer.pem -out /dev/null
openssl cms -verify -noverify -binary -inform DER -in de-passport-card-security.der \
    -signer de-passport-document-signer.pem -out /dev/null

csca() {  # name subject
    openssl ecparam -name brainpoolP256r1 -genkey -noout -out "$work/$1.key"
    openssl req -x509 -new -key "$work/$1.key" -subj "$2" -days 7300 -sha256 \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
        -out "$1.pem"
}

document_signer() {  # name csca days keyUsage
    openssl ecparam -name brainpoolP256r1 -genkey -noout -out "$work/$1.key"
    openssl req -new -key "$work/$1.key" -subj "/C=DE/O=OpenAusweis test/OU=Document Signer/CN=$1" \
        -out "$work/$1.csr"
    printf 'keyUsage=%s\nauthorityKeyIdentifier=keyid\n' "$4" >"$work/$1.ext"
    openssl x509 -req -in "$work/$1.csr" -CA "$2.pem" -CAkey "$work/$2.key" -CAcreateserial \
        -CAserial "$work/$2.srl" -days "$3" -sha256 -extfile "$work/$1.ext" -out "$1.pem"
}

sign() {  # output signer-options... (eContentType id-SecurityObject unless overridden)
    out=$1
    shift
    openssl cms -sign -in security-infos.der -nodetach -binary -outform DER -md sha256 \
        -nosmimecap "$@" -out "$out"
}

csca test-csca "/C=DE/O=OpenAusweis test/OU=CSCA/CN=test-csca"
csca other-csca "/C=DE/O=OpenAusweis test/OU=CSCA/CN=other-csca"
document_signer ds test-csca 3650 critical,digitalSignature
document_signer ds-second test-csca 3650 critical,digitalSignature
document_signer ds-expired test-csca 1 critical,digitalSignature
document_signer ds-no-signature-usage test-csca 3650 critical,keyEncipherment

security_object=0.4.0.127.0.7.3.2.1
sign card-security.der -signer ds.pem -inkey "$work/ds.key" -econtent_type $security_object
sign card-security-expired-ds.der -signer ds-expired.pem -inkey "$work/ds-expired.key" \
    -econtent_type $security_object
sign card-security-no-signature-usage.der -signer ds-no-signature-usage.pem \
    -inkey "$work/ds-no-signature-usage.key" -econtent_type $security_object
sign card-security-id-data.der -signer ds.pem -inkey "$work/ds.key"
sign card-security-two-signers.der -signer ds.pem -inkey "$work/ds.key" \
    -signer ds-second.pem -inkey "$work/ds-second.key" -econtent_type $security_object
rm -f ds-second.pem
