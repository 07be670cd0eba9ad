# Windows and macOS: deploy Qt (libraries, platform/style/TLS/SQL plugins, translations) with Qt's own
# deploy script (windeployqt / macdeployqt underneath), and OpenSSL 3 on Windows.
if(NOT TARGET fenzhang-desk)
    return()
endif()

foreach(program fenzhang-desk fenzhang-cli)
    if(TARGET ${program})
        qt_generate_deploy_app_script(
            TARGET ${program}
            OUTPUT_SCRIPT _deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${_deploy_script} COMPONENT Runtime)
    endif()
endforeach()

if(WIN32)
    # Qt's TLS on Windows uses Schannel, but our signing and verification link OpenSSL 3, and
    # old apiclient_cert.p12 files need its legacy provider (RC2-40): ship both.
    get_filename_component(_openssl_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
    file(GLOB _openssl_dlls
        "${_openssl_dir}/../bin/libcrypto-3*.dll" "${_openssl_dir}/../bin/libssl-3*.dll"
        "${_openssl_dir}/libcrypto-3*.dll" "${_openssl_dir}/libssl-3*.dll")
    if(NOT _openssl_dlls)
        message(WARNING "OpenSSL 3 DLLs not found next to ${OPENSSL_CRYPTO_LIBRARY}; set OPENSSL_ROOT_DIR")
    endif()
    install(FILES ${_openssl_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
    file(GLOB _legacy_module
        "${_openssl_dir}/../bin/ossl-modules/legacy.dll" "${_openssl_dir}/../lib/ossl-modules/legacy.dll")
    install(FILES ${_legacy_module} DESTINATION ${CMAKE_INSTALL_BINDIR}/ossl-modules COMPONENT Runtime)
endif()

if(WIN32 AND XLSXWRITER_LIBRARY)
    # libxlsxwriter (vcpkg) for the Excel export, with the zlib / minizip DLLs it loads.
    get_filename_component(_xlsx_dir "${XLSXWRITER_LIBRARY}" DIRECTORY)
    file(GLOB _xlsx_dlls "${_xlsx_dir}/../bin/xlsxwriter*.dll" "${_xlsx_dir}/../bin/zlib*.dll"
         "${_xlsx_dir}/../bin/minizip*.dll" "${_xlsx_dir}/../bin/bz2*.dll")
    if(NOT _xlsx_dlls)
        message(WARNING "libxlsxwriter's DLL not found next to ${XLSXWRITER_LIBRARY}")
    endif()
    install(FILES ${_xlsx_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
endif()
# macOS: macdeployqt copies Homebrew's libxlsxwriter.dylib into the bundle with the other non-system
# libraries; Debian's package gets libxlsxwriter4 through CPACK_DEBIAN_PACKAGE_SHLIBDEPS.
