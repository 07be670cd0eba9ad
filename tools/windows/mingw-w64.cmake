# CMake toolchain for the MinGW-w64 (x86_64, posix threads) cross build of the Windows leg.
# Used inside the Debian 13 root of tools/windows/deps.sh, for the dependencies and for the app.
# FENZHANG_WIN_PREFIX: the Windows prefix with Qt, OpenSSL and QtKeychain (default /opt/fenzhang-win).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_AR x86_64-w64-mingw32-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB x86_64-w64-mingw32-gcc-ranlib-posix CACHE FILEPATH "")

if(NOT FENZHANG_WIN_PREFIX)
    set(FENZHANG_WIN_PREFIX /opt/fenzhang-win)
endif()
# try_compile projects see the same prefix
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES FENZHANG_WIN_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 ${FENZHANG_WIN_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
