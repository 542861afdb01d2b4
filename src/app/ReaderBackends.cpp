#include "app/ReaderBackends.h"

#ifdef OA_HAVE_PCSC
#include "card/pcsc/PcscBackend.h"
#endif
#ifdef OA_HAVE_SIMULATOR
#include "card/sim/SimulatorBackend.h"
#endif
#ifdef OA_HAVE_NFC
#include "card/nfc/NfcBackend.h"
#endif

namespace oa {

std::vector<ReaderFeed*> createReaderFeeds([[maybe_unused]] QObject* parent) {
    std::vector<ReaderFeed*> feeds;
#ifdef OA_HAVE_PCSC
    feeds.push_back(new ReaderFeed(std::make_unique<PcscBackend>(), false, parent));
#endif
#ifdef OA_HAVE_NFC
    feeds.push_back(new ReaderFeed(std::make_unique<NfcBackend>(), false, parent));
#endif
#ifdef OA_HAVE_SIMULATOR
    feeds.push_back(new ReaderFeed(std::make_unique<SimulatorBackend>(), true, parent));
#endif
    return feeds;
}

}  // namespace oa
