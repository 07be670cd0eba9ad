# CPack post-build hook: sign the Windows installer itself; sign, notarize and staple the macOS
# disk image. Runs only when the secrets are set (see sign-binaries.cmake), otherwise says so.
#   macOS notarization: FENZHANG_NOTARY_APPLE_ID, FENZHANG_NOTARY_TEAM_ID, FENZHANG_NOTARY_PASSWORD
#   (an app-specific password), with xcrun notarytool and stapler.
include(${CMAKE_CURRENT_LIST_DIR}/signing-common.cmake)

if(CPACK_GENERATOR STREQUAL "NSIS")
    if(NOT fenzhang_sign_windows)
        message(STATUS "Installer signing skipped: FENZHANG_SIGN_PFX is not set")
        return()
    endif()
    foreach(_installer IN LISTS CPACK_PACKAGE_FILES)
        fenzhang_signtool("${_installer}")
    endforeach()
elseif(CPACK_GENERATOR STREQUAL "DragNDrop")
    if(fenzhang_sign_macos)
        foreach(_dmg IN LISTS CPACK_PACKAGE_FILES)
            fenzhang_codesign("${_dmg}")
        endforeach()
    endif()
    if(NOT DEFINED ENV{FENZHANG_NOTARY_APPLE_ID} OR "$ENV{FENZHANG_NOTARY_APPLE_ID}" STREQUAL "")
        message(STATUS "Notarization skipped: FENZHANG_NOTARY_APPLE_ID is not set")
        return()
    endif()
    foreach(_dmg IN LISTS CPACK_PACKAGE_FILES)
        fenzhang_run("${_dmg}" xcrun notarytool submit "${_dmg}" --wait
            --apple-id "$ENV{FENZHANG_NOTARY_APPLE_ID}" --team-id "$ENV{FENZHANG_NOTARY_TEAM_ID}"
            --password "$ENV{FENZHANG_NOTARY_PASSWORD}")
        fenzhang_run("${_dmg}" xcrun stapler staple "${_dmg}")
    endforeach()
endif()
