#include "sim/card/EfDir.h"

#include "asn1/Tlv.h"

namespace oa::sim {

Bytes eidApplicationId() {
    return hexBytes("E80704007F00070302");
}

Bytes epassApplicationId() {
    return hexBytes("A0000002471001");
}

Bytes esignApplicationId() {
    return hexBytes("A000000167455349474E");
}

Bytes encodeEfDir() {
    Bytes dir;
    for (const Bytes& aid : {epassApplicationId(), eidApplicationId(), esignApplicationId()}) {
        append(dir, asn1::encode(0x61, asn1::encode(0x4F, aid)));
    }
    return dir;
}

}  // namespace oa::sim
