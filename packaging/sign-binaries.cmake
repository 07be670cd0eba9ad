# CPack pre-build hook: sign what was staged, before it is packed, when the signing secrets are set
# (CI secrets in .github/workflows/release.yml; docs/RELEASING.md). Without them it says so and
# does nothing, so every other build packages unsigned.
#   Windows (NSIS, ZIP): FENZHANG_SIGN_PFX (path to the .pfx) and FENZHANG_SIGN_PASSWORD; signtool
#     from the Windows SDK on PATH (or FENZHANG_SIGNTOOL); FENZHANG_SIGN_TIMESTAMP_URL optional.
#   macOS (DragNDrop): FENZHANG_CODESIGN_IDENTITY ("Developer ID Application: ..."), in a keychain
#     the build can use; the bundle is signed with the hardened runtime (--options runtime).
# Secrets are passed to the tools, never printed.
include(${CMAKE_CURRENT_LIST_DIR}/signing-common.cmake)

if(CPACK_GENERATOR MATCHES "NSIS|ZIP")
    if(NOT fenzhang_sign_windows)
        message(STATUS "Code signing skipped: FENZHANG_SIGN_PFX is not set")
        return()
    endif()
    file(GLOB_RECURSE _binaries "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.dll")
    foreach(_file IN LISTS _binaries)
        fenzhang_signtool("${_file}")
    endforeach()
elseif(CPACK_GENERATOR STREQUAL "DragNDrop")
    if(NOT fenzhang_sign_macos)
        message(STATUS "Code signing skipped: FENZHANG_CODESIGN_IDENTITY is not set")
        return()
    endif()
    file(GLOB _apps "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/ALL_IN_ONE/*.app")
    foreach(_app IN LISTS _apps)
        # Inside out: the OpenSSL legacy module and the CLI and sandbox beside the app's executable
        # each get their own hardened-runtime signature (notarization rejects unsigned nested code),
        # then the bundle.
        file(GLOB _nested "${_app}/Contents/PlugIns/ossl-modules/*.dylib"
            "${_app}/Contents/MacOS/fenzhang-cli" "${_app}/Contents/MacOS/fenzhang-sandbox")
        foreach(_file IN LISTS _nested)
            fenzhang_codesign("${_file}" --options runtime)
        endforeach()
        fenzhang_codesign("${_app}" --deep --options runtime
            --entitlements "${CMAKE_CURRENT_LIST_DIR}/macos/entitlements.plist")
    endforeach()
endif()
