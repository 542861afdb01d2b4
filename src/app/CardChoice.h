#pragma once

#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "base/Result.h"
#include "card/Card.h"

namespace oa {

// The reader an operation will use, chosen on the GUI thread; connect() runs on the card worker.
struct CardChoice {
    QString readerName;
    bool simulated = false;  // the in-process demo card
    std::function<Result<std::unique_ptr<Card>>()> connect;
    bool pinpad = false;  // a comfort reader: the secrets are typed on it
};

// Nothing when no reader holds a card.
using CardChooser = std::function<std::optional<CardChoice>()>;

}  // namespace oa
