#include "sim/PkiCommand.h"

#include <cstdio>

#include "sim/pki/TestPki.h"

namespace oa::sim {

int runPkiCommand(const std::vector<std::string>& arguments) {
    std::string out;
    std::string sequence;
    bool fresh = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--out" && i + 1 < arguments.size()) {
            out = arguments[++i];
        } else if (arguments[i] == "--fresh") {
            fresh = true;
        } else if (arguments[i] == "--sequence" && i + 1 < arguments.size() &&
                   arguments[i + 1].size() == 5) {
            sequence = arguments[++i];
            fresh = true;
        } else {
            std::fprintf(stderr, "openausweis-sim pki: unexpected argument '%s'\n",
                         arguments[i].c_str());
            return 2;
        }
    }
    if (out.empty()) {
        std::fprintf(stderr, "openausweis-sim pki: --out DIR is required\n");
        return 2;
    }
    auto generated = !fresh             ? Result<TestPki>(TestPki::builtIn())
                     : sequence.empty() ? TestPki::generate()
                                        : TestPki::generate(sequence);
    if (!generated) {
        std::fprintf(stderr, "openausweis-sim pki: %s (%s)\n", generated.error().message.c_str(),
                     generated.error().detail.c_str());
        return 1;
    }
    if (auto written = generated->writeTo(out); !written) {
        std::fprintf(stderr, "openausweis-sim pki: %s (%s)\n", written.error().message.c_str(),
                     written.error().detail.c_str());
        return 1;
    }
    std::fprintf(stderr, "openausweis-sim pki: %s test PKI written to %s\n",
                 fresh ? "fresh" : "built-in", out.c_str());
    return 0;
}

}  // namespace oa::sim
