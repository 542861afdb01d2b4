#include "card/ReaderInfo.h"

#include <algorithm>

namespace oa {
namespace {

const ReaderInfo* byName(const std::vector<ReaderInfo>& readers, const std::string& name) {
    auto it = std::find_if(readers.begin(), readers.end(),
                           [&](const ReaderInfo& r) { return r.name == name; });
    return it == readers.end() ? nullptr : &*it;
}

}  // namespace

const char* toString(ReaderEvent::Kind kind) {
    switch (kind) {
        case ReaderEvent::Kind::ReaderAdded:
            return "reader added";
        case ReaderEvent::Kind::ReaderRemoved:
            return "reader removed";
        case ReaderEvent::Kind::CardInserted:
            return "card inserted";
        case ReaderEvent::Kind::CardRemoved:
            return "card removed";
        case ReaderEvent::Kind::ServiceLost:
            return "card service lost";
        case ReaderEvent::Kind::ServiceRestored:
            return "card service restored";
    }
    return "?";
}

std::vector<ReaderEvent> diffReaders(const std::vector<ReaderInfo>& before,
                                     const std::vector<ReaderInfo>& after) {
    using Kind = ReaderEvent::Kind;
    std::vector<ReaderEvent> events;
    for (const ReaderInfo& old : before) {
        const ReaderInfo* now = byName(after, old.name);
        if (old.cardPresent && (!now || !now->cardPresent || now->atr != old.atr)) {
            events.push_back({Kind::CardRemoved, old.name, {}});
        }
        if (!now) events.push_back({Kind::ReaderRemoved, old.name, {}});
    }
    for (const ReaderInfo& now : after) {
        const ReaderInfo* old = byName(before, now.name);
        if (!old) events.push_back({Kind::ReaderAdded, now.name, {}});
        const bool wasSameCard = old && old->cardPresent && old->atr == now.atr;
        if (now.cardPresent && !wasSameCard)
            events.push_back({Kind::CardInserted, now.name, now.atr});
    }
    return events;
}

}  // namespace oa
