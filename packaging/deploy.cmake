# Windows and macOS: deploy Qt (libraries, platform/style/TLS/SQL plugins, translations) with Qt's own
# deploy script (windeployqt / macdeployqt underneath), and OpenSSL 3 on Windows.
if(NOT TARGET fenzhang-desk)
    return()
endif()

if(WIN32 AND CMAKE_CROSSCOMPILING)
    # MinGW-w64 cross build (tools/dev windows): no windeployqt, the same layout by our own script.
    include(${CMAKE_CURRENT_LIST_DIR}/deploy-mingw.cmake)
endif()

foreach(program fenzhang-desk fenzhang-cli)
    if(TARGET ${program} AND NOT CMAKE_CROSSCOMPILING)
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
