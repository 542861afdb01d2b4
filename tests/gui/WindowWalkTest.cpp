#include <QtQml/qqmlextensionplugin.h>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "GuiTestCase.h"
#include "app/Desktop.h"
#include "app/PinManagementController.h"
#include "app/SelfReadController.h"
#include "card/sim/SimulatorBackend.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

using namespace oa;
using namespace oa::test;

// A citizen's walk through the window at a small size (800x600) in German: every page's text fits
// (nothing cut off or running out of the window), every page's buttons can be reached, and the
// PIN management's wrong PIN, CAN and PUK answers are in words, in German. With
// OA_GUI_SCREENSHOT_DIR set, each stop is kept as a picture.
namespace {

// Visible texts that do not fit: a text line wider than its own box (cut or drawn over its
// neighbour) or a text or control reaching past the right edge of the window.
QStringList textsThatDoNotFit(QQuickWindow* window, QQuickItem* item) {
    QStringList found;
    if (!item->isVisible() || item->opacity() == 0) return found;
    const QString text = item->property("text").toString();
    if (!text.isEmpty() && item->width() > 0) {
        const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (box.right() > window->width() + 1) {
            found << QString("%1 (right edge %2 > %3)")
                         .arg(text)
                         .arg(box.right())
                         .arg(window->width());
        }
        if (item->inherits("QQuickText") && item->property("truncated").toBool())
            found << QString("%1 (cut off with an ellipsis)").arg(text);
        const QVariant contentWidth = item->property("contentWidth");
        if (item->inherits("QQuickText") && contentWidth.isValid() &&
            contentWidth.toDouble() > item->width() + 1)
            found << QString("%1 (text %2 wider than its box %3)")
                         .arg(text)
                         .arg(contentWidth.toDouble())
                         .arg(item->width());
    }
    for (auto* child : item->childItems())
        found << textsThatDoNotFit(window, child);
    return found;
}

// Layouts settle in polish passes after a page or panel appears; a text that stays cut fails.
bool everythingFits(QQuickWindow* window, QStringList& cut) {
    for (int pass = 0; pass < 20; ++pass) {
        cut = textsThatDoNotFit(window, window->contentItem());
        if (cut.isEmpty()) return true;
        QTest::qWait(50);
    }
    return false;
}

void typeInto(QQuickWindow* window, const char* field, const std::string& digits) {
    auto* input = window->findChild<QQuickItem*>(field);
    QVERIFY(input);
    input->forceActiveFocus();
    for (const char digit : digits)
        QTest::keyClick(window, digit);
}

// The texts of every visible item under `item`, delegates included.
QStringList visibleText(QQuickItem* item) {
    QStringList texts;
    if (!item || !item->isVisible()) return texts;
    const QString text = item->property("text").toString();
    if (!text.isEmpty()) texts << text;
    for (auto* child : item->childItems())
        texts << visibleText(child);
    return texts;
}

struct Walk {
    Desktop desktop{{new ReaderFeed(std::make_unique<SimulatorBackend>(), true)}};
    QQuickWindow* window = nullptr;
    QObject* navigation = nullptr;
    QString shots = qEnvironmentVariable("OA_GUI_SCREENSHOT_DIR");

    bool start(const QString& language, QSize size) {
        desktop.language().setCode(language);
        if (!desktop.start()) return false;
        window = desktop.window();
        window->resize(size);
        if (!QTest::qWaitForWindowExposed(window)) return false;
        navigation = window->findChild<QObject*>("navigation");
        return navigation != nullptr;
    }
    QQuickItem* find(const char* name) const { return window->findChild<QQuickItem*>(name); }
    void show(int page) { navigation->setProperty("currentIndex", page); }
    void shoot(const QString& name) {
        if (shots.isEmpty()) return;
        QTest::qWait(200);
        window->grabWindow().save(QString("%1/%2.png").arg(shots, name));
        // The whole page below the fold too, for review.
        const QSize size = window->size();
        window->resize(size.width(), 1600);
        QTest::qWait(200);
        window->grabWindow().save(QString("%1/%2-full.png").arg(shots, name));
        window->resize(size);
    }
};

}  // namespace

class WindowWalkTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { startGuiTestCase("openausweis-gui-walk-test"); }

    void init() {
        QSettings().clear();
        qmlWarnings.clear();
    }

    void cleanup() { QVERIFY2(qmlWarnings.isEmpty(), qPrintable(qmlWarnings.join('\n'))); }

    void everyPageFitsAt800x600InGermanAndEnglish_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QString("de");
        QTest::newRow("en") << QString("en");
    }
    void everyPageFitsAt800x600InGermanAndEnglish() {
        QFETCH(QString, language);
        Walk walk;
        QVERIFY(walk.start(language, {800, 600}));
        QTRY_COMPARE_WITH_TIMEOUT(walk.desktop.readers().cardCount(), 1, kOperationLimitMs);
        const QStringList names{"start",    "my-data", "pin-management", "readers",
                                "settings", "logs",    "help",           "replacement-pin"};
        for (int page = 0; page < names.size(); ++page) {
            if (!qEnvironmentVariableIsEmpty("OA_GUI_WALK_SHOOT_ONLY")) {
                walk.show(page);
                walk.shoot(QString("%1-800-%2").arg(language, names[page]));
                continue;
            }
            walk.show(page);
            QTest::qWait(50);
            walk.shoot(QString("%1-800-%2").arg(language, names[page]));
            QStringList cut;
            QVERIFY2(everythingFits(walk.window, cut),
                     qPrintable(names[page] + ": " + cut.join("; ")));
        }
    }

    // Wrong PIN twice, the CAN for the last try, blocked, the PUK: each answer in German words,
    // every secret field empty afterwards, the form reachable at 800x600.
    void wrongPinsUntilBlockedAndThePukInGerman() {
        Walk walk;
        QVERIFY(walk.start("de", {800, 600}));
        QTRY_COMPARE_WITH_TIMEOUT(walk.desktop.readers().cardCount(), 1, kOperationLimitMs);
        auto& pins = walk.desktop.pinManagement();
        walk.show(2);
        const auto press = [&](const char* name) {
            auto* button = walk.find(name);
            QVERIFY(button);
            QTRY_VERIFY(button->isEnabled());
            button->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(walk.window, Qt::Key_Space);
        };
        press("readPinStatusButton");
        QVERIFY(waitUntilFinished(pins));
        walk.shoot("de-800-pin-status");
        const auto tryWrongPin = [&](bool withCan) {
            if (withCan) typeInto(walk.window, "canFieldInput", "500540");
            typeInto(walk.window, "currentPinFieldInput", "111111");
            typeInto(walk.window, "newPinFieldInput", "246810");
            typeInto(walk.window, "repeatPinFieldInput", "246810");
            press("changePinButton");
            QVERIFY(waitUntilFinished(pins));
            QCOMPARE(pins.outcome(), QString("wrongPin"));
            for (const char* field : {"canFieldInput", "currentPinFieldInput", "newPinFieldInput",
                                      "repeatPinFieldInput"})
                QCOMPARE(walk.find(field)->property("text").toString(), QString());
        };
        // The card's answer in German words, without the core's English detail, and the step
        // list stops at the PIN check: no new PIN was written.
        const auto result = [&](const QString& title) {
            auto* panel = walk.find("pinResultPanel");
            QTRY_VERIFY(panel->isVisible());
            QCOMPARE(panel->property("title").toString(), title);
            QCOMPARE(panel->property("guidance").toString(), QString());
            const QStringList texts = visibleText(walk.find("pinManagementPage"));
            QVERIFY2(!texts.contains("Neue PIN schreiben (erledigt)"), qPrintable(texts.join('|')));
            QVERIFY(texts.contains("PIN-Prüfung (PACE) (nicht geklappt)"));
        };
        tryWrongPin(false);
        QCOMPARE(pins.status(), QString("two-tries-left"));
        result("Die PIN war falsch. Sie haben noch zwei Versuche.");
        walk.shoot("de-800-pin-wrong-once");
        tryWrongPin(false);
        QCOMPARE(pins.status(), QString("suspended"));
        QTRY_VERIFY(walk.find("canField")->isVisible());
        result(
            "Die PIN war falsch. Geben Sie vor dem letzten Versuch zusätzlich die Zugangsnummer "
            "(CAN) ein.");
        walk.shoot("de-800-pin-suspended");
        tryWrongPin(true);
        QCOMPARE(pins.status(), QString("blocked"));
        result(
            "Die PIN war zum dritten Mal falsch und ist jetzt gesperrt. Entsperren Sie sie mit der "
            "PUK aus Ihrem PIN-Brief.");
        QTRY_VERIFY(walk.find("pukField")->isVisible());
        walk.shoot("de-800-pin-blocked");
        typeInto(walk.window, "pukFieldInput", "9876543210");
        press("unblockButton");
        QVERIFY(waitUntilFinished(pins));
        QCOMPARE(pins.outcome(), QString("pinUnblocked"));
        QCOMPARE(walk.find("pukFieldInput")->property("text").toString(), QString());
        walk.shoot("de-800-pin-unblocked");
        QStringList cut;
        QVERIFY2(everythingFits(walk.window, cut), qPrintable(cut.join("; ")));
    }

    // My data with a wrong PIN: the tries left in German, no "data read" tick, no English detail;
    // then the right PIN shows the test person and leaves no digit in the field.
    void myDataWithAWrongPinThenTheRightOneInGerman() {
        Walk walk;
        QVERIFY(walk.start("de", {800, 600}));
        QTRY_COMPARE_WITH_TIMEOUT(walk.desktop.readers().cardCount(), 1, kOperationLimitMs);
        auto& selfRead = walk.desktop.selfRead();
        walk.show(1);
        const auto read = [&](const std::string& pin) {
            typeInto(walk.window, "myDataPinFieldInput", pin);
            auto* button = walk.find("readMyDataButton");
            QTRY_VERIFY(button->isEnabled());
            button->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(walk.window, Qt::Key_Space);
            QVERIFY(waitUntilFinished(selfRead));
            QCOMPARE(walk.find("myDataPinFieldInput")->property("text").toString(), QString());
        };
        read("111111");
        auto* panel = walk.find("myDataResultPanel");
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(panel->property("title").toString(),
                 QString("Die PIN war falsch. Sie haben noch zwei Versuche."));
        QCOMPARE(panel->property("guidance").toString(), QString());
        const QStringList texts = visibleText(walk.find("myDataPage"));
        QVERIFY2(!texts.contains("Daten auslesen (erledigt)"), qPrintable(texts.join('|')));
        QVERIFY2(texts.contains("PIN-Prüfung (PACE) (nicht geklappt)"),
                 qPrintable(texts.join('|')));
        walk.shoot("de-800-my-data-wrong-pin");
        read("123456");
        QVERIFY(selfRead.succeeded());
        QTRY_VERIFY(walk.find("myDataCard")->isVisible());
        walk.shoot("de-800-my-data-read");
        QStringList cut;
        QVERIFY2(everythingFits(walk.window, cut), qPrintable(cut.join("; ")));
    }

    // Tab to a control below the fold: the page scrolls it into sight (and back up again).
    void keyboardFocusBelowTheFoldIsScrolledIntoSight() {
        Walk walk;
        QVERIFY(walk.start("de", {800, 480}));
        walk.show(2);
        const auto inSight = [&](const char* name) {
            auto* item = walk.find(name);
            const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return box.top() >= 0 && box.bottom() <= walk.window->height();
        };
        QTRY_VERIFY(walk.find("repeatPinFieldInput")->isVisible());
        QVERIFY(!inSight("repeatPinFieldInput"));
        walk.find("repeatPinFieldInput")->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY(inSight("repeatPinFieldInput"));
        QVERIFY(!inSight("readPinStatusButton"));
        walk.find("readPinStatusButton")->forceActiveFocus(Qt::BacktabFocusReason);
        QTRY_VERIFY(inSight("readPinStatusButton"));
        walk.shoot("de-800x480-pin-focus-back-up");
    }

    // The readers page does not say "0 readers found" above the listed demo reader.
    void readersPageNamesTheDemoReaderAsSimulated() {
        Walk walk;
        QVERIFY(walk.start("de", {800, 600}));
        QTRY_COMPARE_WITH_TIMEOUT(walk.desktop.readers().cardCount(), 1, kOperationLimitMs);
        walk.show(3);
        auto* status = walk.find("serviceStatus");
        QTRY_VERIFY(status->isVisible());
        QCOMPARE(status->property("guidance").toString(),
                 QString("Kein echter Kartenleser angeschlossen. Die unten aufgeführte Demokarte "
                         "ist simuliert."));
    }

    // Digits typed on My data or PIN management and left unused are gone once the page is left.
    void unusedDigitsAreClearedWhenThePageIsLeft() {
        Walk walk;
        QVERIFY(walk.start("de", {800, 600}));
        walk.show(1);
        typeInto(walk.window, "myDataPinFieldInput", "1234");
        walk.show(2);
        QTRY_VERIFY(walk.find("currentPinFieldInput")->isVisible());
        typeInto(walk.window, "currentPinFieldInput", "123456");
        typeInto(walk.window, "newPinFieldInput", "2468");
        walk.show(0);
        QTRY_VERIFY(!walk.find("currentPinFieldInput")->isVisible());
        for (const char* field :
             {"myDataPinFieldInput", "currentPinFieldInput", "newPinFieldInput"})
            QCOMPARE(walk.find(field)->property("text").toString(), QString());
    }
};

QTEST_MAIN(WindowWalkTest)
#include "WindowWalkTest.moc"
