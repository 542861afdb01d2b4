#pragma once

#include <map>

#include "base/Bytes.h"
#include "sim/card/PersonalData.h"
#include "sim/card/Refusable.h"
#include "sim/card/TerminalAuthorization.h"

namespace oa::sim {

// Authenticated auxiliary data from MSE:Set AT for TA (67 { 73 { 06 OID, 53 value } ... }),
// keyed by OID contents. Strict: anything else inside is wrong data (6A80).
using AuxiliaryData = std::map<Bytes, Bytes>;
Refusable<AuxiliaryData> parseAuxiliaryData(ByteView encoded);

// VERIFY (80 20 80 00, data 06 OID) after CA: compares the card's data with the terminal's
// reference value. 9000 match, 6300 no match, 6982 right missing, 6A88 no such reference.
StatusWord verifyAuxiliaryData(ByteView oidObject, const AuxiliaryData& auxiliaryData,
                               const PersonalData& person,
                               const TerminalAuthorization& authorization);

Bytes ageVerificationOid();   // id-DateOfBirth
Bytes documentValidityOid();  // id-DateOfExpiry
Bytes communityIdOid();       // id-MunicipalityID

}  // namespace oa::sim
