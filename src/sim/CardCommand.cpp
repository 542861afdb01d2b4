#include "sim/CardCommand.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

#include "sim/StopSignal.h"
#include "sim/VpcdClient.h"
#include "sim/card/CardCvCertificate.h"
#include "sim/card/CardProfile.h"
#include "sim/card/CardStateFile.h"
#include "sim/card/VirtualCard.h"

namespace oa::sim {
namespace {

constexpr const char* kDefaultVpcd = "127.0.0.1:35963";

struct CardOptions {
    std::string vpcd = kDefaultVpcd;
    std::string profile;
    std::string profileFile;
    std::string stateFile;
    std::vector<std::string> cvcaFiles;
    std::string date;
};

bool isDate(const std::string& text) {
    return text.size() == 6 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool parseOptions(const std::vector<std::string>& arguments, CardOptions& options) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--vpcd" && hasValue) {
            options.vpcd = arguments[++i];
        } else if (argument == "--profile" && hasValue) {
            options.profile = arguments[++i];
        } else if (argument == "--profile-file" && hasValue) {
            options.profileFile = arguments[++i];
        } else if (argument == "--state" && hasValue) {
            options.stateFile = arguments[++i];
        } else if (argument == "--cvca" && hasValue) {
            options.cvcaFiles.push_back(arguments[++i]);
        } else if (argument == "--date" && hasValue && isDate(arguments[i + 1])) {
            options.date = arguments[++i];
        } else {
            std::fprintf(stderr, "openausweis-sim card: unexpected argument '%s'\n",
                         argument.c_str());
            return false;
        }
    }
    if (!options.profile.empty() && !options.profileFile.empty()) {
        std::fprintf(stderr, "openausweis-sim card: use either --profile or --profile-file\n");
        return false;
    }
    return true;
}

void reportError(const Error& error) {
    std::fprintf(stderr, "openausweis-sim card: %s (%s)\n", error.message.c_str(),
                 error.detail.c_str());
}

std::optional<CardProfile> chooseProfile(const CardOptions& options) {
    if (!options.profileFile.empty()) {
        auto loaded = loadProfileFile(options.profileFile);
        if (!loaded) {
            reportError(loaded.error());
            return std::nullopt;
        }
        return std::move(*loaded);
    }
    if (options.profile.empty()) return defaultProfile();
    auto builtIn = builtInProfile(options.profile);
    if (!builtIn) {
        std::string names;
        for (const auto& name : builtInProfileNames())
            names += " " + name;
        std::fprintf(stderr, "openausweis-sim card: unknown profile '%s'; known:%s\n",
                     options.profile.c_str(), names.c_str());
    }
    return builtIn;
}

// Extra trust anchors (DER CV certificates of CVCAs) after the profile's own, and the card's
// current date.
bool applyTrustOptions(const CardOptions& options, CardProfile& profile) {
    for (const std::string& path : options.cvcaFiles) {
        std::ifstream in(path, std::ios::binary);
        const Bytes certificate =
            in ? Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())
               : Bytes{};
        if (!parseCardCvCertificate(certificate)) {
            std::fprintf(stderr, "openausweis-sim card: --cvca %s is not a CV certificate\n",
                         path.c_str());
            return false;
        }
        profile.trustAnchors.push_back(std::move(certificate));
    }
    if (!options.date.empty()) profile.currentDate = options.date;
    return true;
}

// Restores the card's PIN state from the state file and writes every later change back.
bool attachStateFile(VirtualCard& card, const std::string& path) {
    auto saved = loadCardState(path);
    if (!saved) {
        reportError(saved.error());
        return false;
    }
    if (saved->has_value()) card.restoreState(**saved);
    card.setStateListener([path](const PersistentCardState& state) {
        if (auto written = saveCardState(path, state); !written) reportError(written.error());
    });
    return true;
}

}  // namespace

int runCardCommand(const std::vector<std::string>& arguments) {
    CardOptions options;
    if (!parseOptions(arguments, options)) return 2;
    std::string host;
    std::uint16_t port = 0;
    if (!parseHostPort(options.vpcd, host, port)) {
        std::fprintf(stderr, "openausweis-sim card: --vpcd expects HOST:PORT, got '%s'\n",
                     options.vpcd.c_str());
        return 2;
    }
    auto profile = chooseProfile(options);
    if (!profile || !applyTrustOptions(options, *profile)) return 2;
    VirtualCard card(std::move(*profile));
    if (!options.stateFile.empty() && !attachStateFile(card, options.stateFile)) return 2;
    installStopSignalHandlers();
    std::fprintf(stderr, "openausweis-sim: card profile '%s'\n", card.profileName().c_str());
    VpcdClient client(host, port, card, [] { return stopRequested(); });
    client.run();
    std::fprintf(stderr, "openausweis-sim: card removed, stopping\n");
    return 0;
}

}  // namespace oa::sim
