#pragma once

#include <QObject>
#include <vector>

#include "app/ReaderFeed.h"

namespace oa {

// The services without a window: reader monitoring now, the local eID-Client listener later.
class HeadlessService : public QObject {
    Q_OBJECT
public:
    // Takes ownership of the feeds.
    explicit HeadlessService(std::vector<ReaderFeed*> feeds, QObject* parent = nullptr);
    ~HeadlessService() override;

    void start();

private:
    std::vector<ReaderFeed*> feeds_;
};

}  // namespace oa
