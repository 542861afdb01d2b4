#include "sim/card/FileSystem.h"

#include <algorithm>

namespace oa::sim {

void FileSystem::addFile(ElementaryFile file) {
    for (auto& existing : masterFiles_) {
        if (existing.fid == file.fid) {
            existing = std::move(file);
            return;
        }
    }
    masterFiles_.push_back(std::move(file));
}

void FileSystem::addApplication(Application application) {
    applications_.push_back(std::move(application));
}

void FileSystem::selectMasterFile() {
    currentApplication_.reset();
    currentFile_.reset();
}

std::vector<ElementaryFile>& FileSystem::currentFiles() {
    return currentApplication_ ? applications_[*currentApplication_].files : masterFiles_;
}

const std::vector<ElementaryFile>& FileSystem::currentFiles() const {
    return currentApplication_ ? applications_[*currentApplication_].files : masterFiles_;
}

bool FileSystem::selectFile(std::uint16_t fid) {
    const auto& files = currentFiles();
    const auto it = std::find_if(files.begin(), files.end(),
                                 [fid](const ElementaryFile& f) { return f.fid == fid; });
    if (it == files.end()) return false;
    currentFile_ = static_cast<std::size_t>(it - files.begin());
    return true;
}

bool FileSystem::selectShortFileId(std::uint8_t sfi) {
    const auto& files = currentFiles();
    const auto it = std::find_if(files.begin(), files.end(), [sfi](const ElementaryFile& f) {
        return f.sfi != 0 && f.sfi == sfi;
    });
    if (it == files.end()) return false;
    currentFile_ = static_cast<std::size_t>(it - files.begin());
    return true;
}

bool FileSystem::selectApplication(ByteView aid) {
    const auto it = std::find_if(applications_.begin(), applications_.end(), [aid](const auto& a) {
        return std::equal(a.aid.begin(), a.aid.end(), aid.begin(), aid.end());
    });
    if (it == applications_.end()) return false;
    currentApplication_ = static_cast<std::size_t>(it - applications_.begin());
    currentFile_.reset();
    return true;
}

const ElementaryFile* FileSystem::currentFile() const {
    if (!currentFile_) return nullptr;
    return &currentFiles()[*currentFile_];
}

ElementaryFile* FileSystem::currentFile() {
    if (!currentFile_) return nullptr;
    return &currentFiles()[*currentFile_];
}

}  // namespace oa::sim
