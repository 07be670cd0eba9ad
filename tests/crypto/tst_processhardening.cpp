#include "crypto/processhardening.h"

#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace fenzhang;

// Issue 15: a process holding a merchant key writes no core dump and, on Linux, is not dumpable.
class TestProcessHardening final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void disableCoreDumps_noCoreAndNotDumpable()
    {
#if !defined(Q_OS_UNIX)
        QSKIP("Core dump limits are a Unix matter");
#else
        QVERIFY(ProcessHardening::disableCoreDumps());
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
        QCOMPARE(limit.rlim_cur, rlim_t(0));
        QCOMPARE(limit.rlim_max, rlim_t(0));
#if defined(Q_OS_LINUX)
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
#endif
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
