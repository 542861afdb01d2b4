#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>
#include <csignal>

#include "net/HttpsFetcher.h"
#include "net/TcToken.h"
#include "net/TlsConfiguration.h"

using namespace oa;

namespace {

// Output lines up to "ready" (or what came before the process ended).
QStringList waitUntilReady(QProcess& process) {
    QByteArray output;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        output += process.readAllStandardOutput();
        if (output.contains("ready\n")) loop.quit();
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return QString::fromUtf8(output).split('\n', Qt::SkipEmptyParts);
}

QString valueOf(const QStringList& lines, const QString& label) {
    for (const auto& line : lines)
        if (line.startsWith(label)) return line.mid(label.size()).trimmed();
    return {};
}

}  // namespace

TEST_CASE("openausweis-sim up prints the URLs, serves a token and stops on SIGTERM",
          "[world][up]") {
    QTemporaryDir state;
    REQUIRE(state.isValid());
    QProcess process;
    process.start(OA_SIM_PROGRAM,
                  {"up", "--state", state.path(), "--port-base", "0", "--overload", "0"});
    REQUIRE(process.waitForStarted(10000));
    const QStringList lines = waitUntilReady(process);
    REQUIRE(lines.contains("ready"));
    const QUrl tokenUrl(valueOf(lines, "TC token:"));
    CHECK(tokenUrl.scheme() == "https");
    CHECK(valueOf(lines, "log in:")
              .startsWith("http://127.0.0.1:24727/eID-Client?tcTokenURL=https%3A"));
    CHECK(QFile::exists(state.filePath("tls-ca.pem")));
    CHECK(QFile::exists(state.filePath("tls-server.key")));

    const auto ca = QSslCertificate::fromPath(state.filePath("tls-ca.pem"));
    REQUIRE(ca.size() == 1);
    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel(ca));
    auto token = fetcher.get(tokenUrl);
    REQUIRE(token.ok());
    const auto outcome = net::evaluateTcToken(token->body);
    REQUIRE(outcome.action == net::TcTokenAction::Proceed);
    CHECK(outcome.token->serverAddress.toString() == valueOf(lines, "eID-Server:"));

    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitStatus() == QProcess::NormalExit);
    CHECK(process.exitCode() == 0);
}

TEST_CASE("openausweis-sim up refuses unknown flags and bad switch values", "[world][up]") {
    for (const QStringList& arguments :
         {QStringList{"up", "--nonsense"}, QStringList{"up", "--broken-token", "nope"},
          QStringList{"up", "--card", "usb"}, QStringList{"up", "--port-base", "x"}}) {
        QProcess process;
        process.start(OA_SIM_PROGRAM, arguments);
        REQUIRE(process.waitForFinished(10000));
        CHECK(process.exitCode() == 2);
    }
}
