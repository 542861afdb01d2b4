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

WorkflowReaders createWorkflowReaders() {
    WorkflowReaders readers;
    std::vector<std::unique_ptr<ReaderBackend>> backends;
#ifdef OA_HAVE_PCSC
    backends.push_back(std::make_unique<PcscBackend>());
#endif
#ifdef OA_HAVE_NFC
    backends.push_back(std::make_unique<NfcBackend>());
#endif
#ifdef OA_HAVE_SIMULATOR
    auto simulator = std::make_unique<SimulatorBackend>();
    readers.simulator = simulator.get();
    backends.push_back(std::move(simulator));
#endif
    readers.all = std::make_unique<CompositeReaderBackend>(std::move(backends));
    return readers;
}

}  // namespace oa
