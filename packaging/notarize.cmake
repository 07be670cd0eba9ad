# CPack post-build hook (macOS): notarize and staple the DMG when Apple credentials are configured:
# FENZHANG_NOTARY_APPLE_ID, FENZHANG_NOTARY_TEAM_ID, FENZHANG_NOTARY_PASSWORD (app-specific password).
if(NOT CPACK_GENERATOR STREQUAL "DragNDrop")
    return()
endif()
if(NOT DEFINED ENV{FENZHANG_NOTARY_APPLE_ID} OR "$ENV{FENZHANG_NOTARY_APPLE_ID}" STREQUAL "")
    message(STATUS "Notarization skipped: FENZHANG_NOTARY_APPLE_ID is not set")
    return()
endif()
foreach(_dmg IN LISTS CPACK_PACKAGE_FILES)
    execute_process(COMMAND xcrun notarytool submit "${_dmg}" --wait
                            --apple-id "$ENV{FENZHANG_NOTARY_APPLE_ID}" --team-id "$ENV{FENZHANG_NOTARY_TEAM_ID}"
                            --password "$ENV{FENZHANG_NOTARY_PASSWORD}"
                    RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "notarytool failed for ${_dmg}")
    endif()
    execute_process(COMMAND xcrun stapler staple "${_dmg}" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "stapler failed for ${_dmg}")
    endif()
endforeach()
