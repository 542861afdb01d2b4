#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "sim/card/ElementaryFile.h"

namespace oa::sim {

// A dedicated file reached by its application identifier (eID, ePassport, eSign).
struct Application {
    Bytes aid;
    std::vector<ElementaryFile> files;
};

// The card's file tree: the master file with its EFs and applications below it, and the current
// selection. Knows nothing about APDUs.
class FileSystem {
public:
    static constexpr std::uint16_t kMasterFileId = 0x3F00;

    // Adds an EF to the master file, replacing one with the same identifier.
    void addFile(ElementaryFile file);
    void addApplication(Application application);

    void selectMasterFile();
    // An EF in the current dedicated file.
    bool selectFile(std::uint16_t fid);
    bool selectApplication(ByteView aid);
    // Selects the EF with this short identifier in the current dedicated file, as READ BINARY
    // with an SFI does.
    bool selectShortFileId(std::uint8_t sfi);

    const ElementaryFile* currentFile() const;
    ElementaryFile* currentFile();
    bool inMasterFile() const { return !currentApplication_; }

private:
    std::vector<ElementaryFile>& currentFiles();
    const std::vector<ElementaryFile>& currentFiles() const;

    std::vector<ElementaryFile> masterFiles_;
    std::vector<Application> applications_;
    std::optional<std::size_t> currentApplication_;
    std::optional<std::size_t> currentFile_;
};

}  // namespace oa::sim
