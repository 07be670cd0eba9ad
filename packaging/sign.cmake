# CPack pre-build hook: sign the staged executables when signing secrets are configured.
# Windows: FENZHANG_SIGN_PFX (path to a .pfx) + FENZHANG_SIGN_PASSWORD, signtool on PATH.
# macOS:   FENZHANG_CODESIGN_IDENTITY ("Developer ID Application: ..."), hardened runtime.
# Without them this does nothing and says so.
if(CPACK_GENERATOR MATCHES "NSIS|ZIP")
    if(NOT DEFINED ENV{FENZHANG_SIGN_PFX} OR "$ENV{FENZHANG_SIGN_PFX}" STREQUAL "")
        message(STATUS "Code signing skipped: FENZHANG_SIGN_PFX is not set")
        return()
    endif()
    file(GLOB_RECURSE _binaries "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.dll")
    foreach(_file IN LISTS _binaries)
        execute_process(COMMAND signtool sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com
                                /f "$ENV{FENZHANG_SIGN_PFX}" /p "$ENV{FENZHANG_SIGN_PASSWORD}" "${_file}"
                        RESULT_VARIABLE _rc OUTPUT_QUIET)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR "signtool failed for ${_file}")
        endif()
    endforeach()
elseif(CPACK_GENERATOR STREQUAL "DragNDrop")
    if(NOT DEFINED ENV{FENZHANG_CODESIGN_IDENTITY} OR "$ENV{FENZHANG_CODESIGN_IDENTITY}" STREQUAL "")
        message(STATUS "Code signing skipped: FENZHANG_CODESIGN_IDENTITY is not set")
        return()
    endif()
    file(GLOB _apps "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app" "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/ALL_IN_ONE/*.app")
    foreach(_app IN LISTS _apps)
        execute_process(COMMAND codesign --force --deep --options runtime --timestamp
                                --entitlements "${CMAKE_CURRENT_LIST_DIR}/macos/entitlements.plist"
                                --sign "$ENV{FENZHANG_CODESIGN_IDENTITY}" "${_app}"
                        RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR "codesign failed for ${_app}")
        endif()
    endforeach()
endif()
