# Windows and macOS: deploy Qt (libraries, platform/style/TLS/SQL plugins, translations) with Qt's own
# deploy scripts (windeployqt / macdeployqt underneath), the compiler runtime, and OpenSSL 3 with
# its legacy provider module (docs/RELEASING.md says what was checked where).
if(NOT TARGET fenzhang-desk)
    return()
endif()

if(APPLE)
    # One macdeployqt run for the bundle; -executable (ADDITIONAL_EXECUTABLES) points the CLI and
    # the sandbox in Contents/MacOS at the bundle's frameworks too.
    set(_extra "")
    foreach(program fenzhang-cli fenzhang-sandbox)
        if(TARGET ${program})
            string(APPEND _extra " \"${FENZHANG_BUNDLE_TOOLS_DIR}/${program}\"")
        endif()
    endforeach()
    qt_generate_deploy_script(
        TARGET fenzhang-desk
        OUTPUT_SCRIPT _deploy_script
        CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:fenzhang-desk>.app\"
    ADDITIONAL_EXECUTABLES${_extra}
    GENERATE_QT_CONF)
")
    install(SCRIPT ${_deploy_script} COMPONENT Runtime)
elseif(CMAKE_CROSSCOMPILING)
    # MinGW-w64 cross build (tools/dev windows): windeployqt is not built when Qt is cross-compiled;
    # deploy-mingw.cmake makes the same layout (Qt's DLLs and plugins, the MinGW runtime, qtbase_*.qm).
    include(${CMAKE_CURRENT_LIST_DIR}/deploy-mingw.cmake)
else()
    # MSVC: the runtime DLLs are installed beside the programs below (the per-user installer cannot
    # run vc_redist, which needs admin rights), so windeployqt must not add the redistributable.
    # MinGW: windeployqt copies libgcc/libstdc++/libwinpthread, which is what is wanted.
    set(_runtime_option "")
    if(MSVC)
        set(_runtime_option NO_COMPILER_RUNTIME)
    endif()
    foreach(program fenzhang-desk fenzhang-cli fenzhang-sandbox)
        if(TARGET ${program})
            qt_generate_deploy_app_script(
                TARGET ${program}
                OUTPUT_SCRIPT _deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR
                ${_runtime_option})
            install(SCRIPT ${_deploy_script} COMPONENT Runtime)
        endif()
    endforeach()
endif()

if(MSVC)
    # The MSVC runtime (msvcp140.dll, vcruntime140*.dll, ...) beside the .exe files.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT Runtime)
    set(CMAKE_INSTALL_UCRT_LIBRARIES TRUE)
    include(InstallRequiredSystemLibraries)
endif()

# OpenSSL 3 (our signing and verification link it; Qt's TLS uses Schannel / Secure Transport) and
# its legacy provider, which old apiclient_cert.p12 files (RC2-40) need. The module goes where
# core/crypto/opensslutil.cpp looks before loading it: ossl-modules beside the .exe on Windows,
# Contents/PlugIns/ossl-modules in the bundle on macOS. Packaging stops when it is missing.
get_filename_component(_openssl_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
if(WIN32)
    file(GLOB _openssl_dlls
        "${_openssl_dir}/../bin/libcrypto-3*.dll" "${_openssl_dir}/../bin/libssl-3*.dll"
        "${_openssl_dir}/libcrypto-3*.dll" "${_openssl_dir}/libssl-3*.dll")
    if(NOT _openssl_dlls)
        message(FATAL_ERROR "OpenSSL 3 DLLs not found next to ${OPENSSL_CRYPTO_LIBRARY}; set OPENSSL_ROOT_DIR")
    endif()
    install(FILES ${_openssl_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
    file(GLOB _legacy_module
        "${_openssl_dir}/../bin/ossl-modules/legacy.dll" "${_openssl_dir}/../lib/ossl-modules/legacy.dll"
        "${_openssl_dir}/ossl-modules/legacy.dll")
    set(_legacy_destination ${CMAKE_INSTALL_BINDIR}/ossl-modules)
else()
    file(GLOB _legacy_module "${_openssl_dir}/ossl-modules/legacy.dylib")
    set(_legacy_destination fenzhang-desk.app/Contents/PlugIns/ossl-modules)
endif()
if(NOT _legacy_module)
    message(FATAL_ERROR "OpenSSL's legacy provider module (ossl-modules/legacy.*) was not found near "
                        "${OPENSSL_CRYPTO_LIBRARY}: old RC2-40 .p12 files would not open in the package. "
                        "Set OPENSSL_ROOT_DIR to an OpenSSL 3 that has it.")
endif()
list(GET _legacy_module 0 _legacy_module)
install(FILES ${_legacy_module} DESTINATION ${_legacy_destination} COMPONENT Runtime)
if(APPLE)
    # Homebrew's legacy.dylib names libcrypto by its Homebrew path, absent on a user's Mac: point it
    # at the copy macdeployqt puts in Contents/Frameworks (after the deploy script above has run).
    install(CODE "
        set(_module \"\${CMAKE_INSTALL_PREFIX}/${_legacy_destination}/legacy.dylib\")
        execute_process(COMMAND otool -L \"\${_module}\" OUTPUT_VARIABLE _links COMMAND_ERROR_IS_FATAL ANY)
        string(REGEX MATCHALL \"[^ \\t\\n]*/libcrypto[.0-9]*dylib\" _links \"\${_links}\")
        foreach(_link IN LISTS _links)
            get_filename_component(_name \"\${_link}\" NAME)
            execute_process(COMMAND install_name_tool -change \"\${_link}\"
                \"@loader_path/../../Frameworks/\${_name}\" \"\${_module}\" COMMAND_ERROR_IS_FATAL ANY)
        endforeach()
    " COMPONENT Runtime)
endif()

if(WIN32)
    # zlib (the workbook's zip) when linked as a DLL: vcpkg keeps zlib1.dll in bin/ beside lib/,
    # Debian's MinGW-w64 package in lib/ itself. A static libz.a needs nothing.
    set(_zlib_lib "${ZLIB_LIBRARY_RELEASE}")
    if(NOT _zlib_lib)
        set(_zlib_lib "${ZLIB_LIBRARY}")
    endif()
    if(NOT _zlib_lib MATCHES "[.]a$" OR _zlib_lib MATCHES "[.]dll[.]a$")
        get_filename_component(_zlib_dir "${_zlib_lib}" DIRECTORY)
        file(GLOB _zlib_dlls "${_zlib_dir}/../bin/zlib*.dll" "${_zlib_dir}/zlib*.dll")
        if(NOT _zlib_dlls)
            message(FATAL_ERROR "zlib's DLL not found near ${_zlib_lib}: the app would not start")
        endif()
        install(FILES ${_zlib_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
    endif()
endif()
# macOS links the system's libz; Debian's package gets zlib1g through CPACK_DEBIAN_PACKAGE_SHLIBDEPS.
