# Windows deployment of a MinGW-w64 cross build (tools/dev windows). windeployqt is not built when Qt
# is cross-compiled, so this does its job for our three programs, with the same layout:
#   bin/          the programs, the Qt, OpenSSL and MinGW runtime DLLs they load (found by walking the
#                 PE imports with objdump), and Qt's plugins by type (platforms, styles, sqldrivers, tls,
#                 imageformats, networkinformation); bin/ossl-modules/legacy.dll (deploy.cmake)
#   translations/ the app's .qm (packaging/CMakeLists.txt) and Qt's own qtbase_<lang>.qm
# Qt finds the plugins beside the executable and its translations at <prefix>/translations, the prefix
# being the folder above the one holding Qt6Core.dll.
set(_qt_prefix "${QT6_INSTALL_PREFIX}")
set(_qt_plugins "${_qt_prefix}/${QT6_INSTALL_PLUGINS}")

# The plugins the programs load at run time (the DLL walk below cannot see them). TLS: Qt prefers the
# OpenSSL backend when libssl-3-x64.dll loads (deploy.cmake puts it beside the programs), as windeployqt's
# deployment does in the release; Schannel is the fallback.
set(FENZHANG_MINGW_PLUGINS
    platforms/qwindows.dll
    styles/qmodernwindowsstyle.dll
    sqldrivers/qsqlite.dll
    tls/qopensslbackend.dll
    tls/qschannelbackend.dll
    tls/qcertonlybackend.dll
    imageformats/qico.dll
    networkinformation/qnetworklistmanager.dll)
set(_plugin_files "")
foreach(plugin IN LISTS FENZHANG_MINGW_PLUGINS)
    if(NOT EXISTS "${_qt_plugins}/${plugin}")
        message(FATAL_ERROR "Qt plugin ${_qt_plugins}/${plugin} is missing: the Windows cache is incomplete")
    endif()
    get_filename_component(_dir "${plugin}" DIRECTORY)
    install(FILES "${_qt_plugins}/${plugin}" DESTINATION ${CMAKE_INSTALL_BINDIR}/${_dir} COMPONENT Runtime)
    list(APPEND _plugin_files "${_qt_plugins}/${plugin}")
endforeach()

# Qt's own strings (dialog buttons, context menus) in every language the app ships.
foreach(lang zh_CN)
    set(_qm "${_qt_prefix}/${QT6_INSTALL_TRANSLATIONS}/qtbase_${lang}.qm")
    if(NOT EXISTS "${_qm}")
        message(FATAL_ERROR "${_qm} is missing: the Windows cache is incomplete")
    endif()
    install(FILES "${_qm}" DESTINATION translations COMPONENT Runtime)
endforeach()

# Every DLL the programs and plugins import, searched in Qt's and OpenSSL's bin and the MinGW runtime
# folders (mingw-runtime-dlls.cmake, at install time); what is not found there is Windows' own.
execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libstdc++-6.dll
    OUTPUT_VARIABLE _libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND "${CMAKE_CXX_COMPILER}" -print-file-name=libwinpthread-1.dll
    OUTPUT_VARIABLE _winpthread OUTPUT_STRIP_TRAILING_WHITESPACE)
get_filename_component(_libstdcxx_dir "${_libstdcxx}" DIRECTORY)
get_filename_component(_winpthread_dir "${_winpthread}" DIRECTORY)
get_filename_component(_openssl_lib_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
set(_search_dirs "${_qt_prefix}/${QT6_INSTALL_BINS}" "${_openssl_lib_dir}/../bin" "${_libstdcxx_dir}"
    "${_winpthread_dir}" "/usr/x86_64-w64-mingw32/lib")
find_program(FENZHANG_MINGW_OBJDUMP NAMES x86_64-w64-mingw32-objdump REQUIRED)

# Each path as its own quoted argument of the install-time code.
set(_pe_files "")
foreach(program IN LISTS FENZHANG_PROGRAMS)
    if(TARGET ${program})
        string(APPEND _pe_files " \"$<TARGET_FILE:${program}>\"")
    endif()
endforeach()
foreach(file IN LISTS _plugin_files)
    string(APPEND _pe_files " \"${file}\"")
endforeach()
set(_dirs "")
foreach(dir IN LISTS _search_dirs)
    string(APPEND _dirs " \"${dir}\"")
endforeach()
install(CODE "
    set(FENZHANG_OBJDUMP \"${FENZHANG_MINGW_OBJDUMP}\")
    set(FENZHANG_PE_FILES ${_pe_files})
    set(FENZHANG_DLL_DIRS ${_dirs})
    set(FENZHANG_DLL_DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    include(\"${CMAKE_CURRENT_LIST_DIR}/mingw-runtime-dlls.cmake\")
    " COMPONENT Runtime)
