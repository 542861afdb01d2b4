#include "app/Desktop.h"

#include <QCoreApplication>
#include <QQuickWindow>
#include <QSettings>

#include "app/ReaderEventLog.h"
#include "app/TrayIcon.h"
#include "base/Version.h"

namespace oa {
namespace {

const QString kLanguageKey = QStringLiteral("language");
const QString kDemoModeKey = QStringLiteral("demoMode");

}  // namespace

Desktop::Desktop(std::vector<ReaderFeed*> feeds, QObject* parent)
    : QObject(parent),
      engine_(std::make_unique<QQmlApplicationEngine>()),
      language_(engine_.get()),
      settings_(Autostart(), &TrayIcon::systemTrayAvailable,
                QCoreApplication::applicationFilePath()),
      diagnosis_(readers_, settings_),
      logs_(LogBook::active() ? *LogBook::active() : ownLog_),
      feeds_(std::move(feeds)),
      pinManagement_([this] { return chooseCard(); }),
      selfRead_([this] { return chooseCard(); }) {
    for (ReaderFeed* feed : feeds_) {
        feed->setParent(this);
        connect(feed, &ReaderFeed::eventsOccurred, this,
                [feed](const auto& events) { logReaderEvents(feed->source(), events); });
        connect(feed, &ReaderFeed::readersChanged, this,
                [this, feed](const auto& readers, bool available) {
                    readers_.update(feed->source(), feed->simulated(), readers, available);
                });
    }
    restoreSettings();
    connect(&language_, &Language::codeChanged, this, [this] {
        QSettings().setValue(kLanguageKey, language_.code());
        selfRead_.data()->retranslate();
    });
    readers_.setPreferredReader(settings_.preferredReader());
    connect(&settings_, &AppSettings::preferredReaderChanged, this,
            [this] { readers_.setPreferredReader(settings_.preferredReader()); });
    selfRead_.setDeveloperMode(settings_.developerMode());
    connect(&settings_, &AppSettings::developerModeChanged, this,
            [this] { selfRead_.setDeveloperMode(settings_.developerMode()); });
    // The pages leave out PIN fields while the card lies on a comfort reader.
    connect(&readers_, &ReaderListModel::readersChanged, this, [this] {
        pinManagement_.lookAtReaders();
        selfRead_.lookAtReaders();
    });
    connect(&readers_, &ReaderListModel::demoModeChanged, this,
            [this] { QSettings().setValue(kDemoModeKey, static_cast<int>(readers_.demoMode())); });
}

// Feeds stop and the user interface goes before the model they share does.
Desktop::~Desktop() {
    for (ReaderFeed* feed : feeds_)
        feed->stop();
    engine_.reset();
}

bool Desktop::start(bool visible) {
    for (ReaderFeed* feed : feeds_)
        feed->start();
    engine_->setInitialProperties({
        {QStringLiteral("readers"), QVariant::fromValue(&readers_)},
        {QStringLiteral("language"), QVariant::fromValue(&language_)},
        {QStringLiteral("version"), QString::fromLatin1(kVersion)},
        {QStringLiteral("pinManagement"), QVariant::fromValue(&pinManagement_)},
        {QStringLiteral("selfRead"), QVariant::fromValue(&selfRead_)},
        {QStringLiteral("settings"), QVariant::fromValue(&settings_)},
        {QStringLiteral("logs"), QVariant::fromValue(&logs_)},
        {QStringLiteral("diagnosis"), QVariant::fromValue(&diagnosis_)},
        {QStringLiteral("visible"), visible},
    });
    engine_->load(QUrl(QStringLiteral("qrc:/OpenAusweis/Main.qml")));
    return window() != nullptr;
}

QQuickWindow* Desktop::window() const {
    const auto roots = engine_->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

std::optional<CardChoice> Desktop::chooseCard() {
    const auto reader = readers_.firstCardReader();
    if (!reader) return std::nullopt;
    for (ReaderFeed* feed : feeds_) {
        if (feed->source() != reader->source) continue;
        ReaderBackend* backend = &feed->backend();
        return CardChoice{QString::fromStdString(reader->name), reader->simulated,
                          [backend, name = reader->name] { return backend->connect(name); },
                          reader->pinpad};
    }
    return std::nullopt;
}

void Desktop::restoreSettings() {
    QSettings settings;
    language_.setCode(settings.value(kLanguageKey, Language::systemDefault()).toString());
    if (language_.code().isEmpty()) language_.setCode(QStringLiteral("en"));
    const int demo = settings.value(kDemoModeKey, 0).toInt();
    if (demo >= 0 && demo <= static_cast<int>(ReaderListModel::DemoMode::Off)) {
        readers_.setDemoMode(static_cast<ReaderListModel::DemoMode>(demo));
    }
}

}  // namespace oa
