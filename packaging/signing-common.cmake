# Shared by the CPack signing hooks (sign-binaries.cmake, sign-packages.cmake).

set(fenzhang_sign_windows FALSE)
if(DEFINED ENV{FENZHANG_SIGN_PFX} AND NOT "$ENV{FENZHANG_SIGN_PFX}" STREQUAL "")
    set(fenzhang_sign_windows TRUE)
endif()
set(fenzhang_sign_macos FALSE)
if(DEFINED ENV{FENZHANG_CODESIGN_IDENTITY} AND NOT "$ENV{FENZHANG_CODESIGN_IDENTITY}" STREQUAL "")
    set(fenzhang_sign_macos TRUE)
endif()

# fenzhang_run(SUBJECT TOOL ARGS...): runs TOOL on the file SUBJECT; a failure stops packaging.
# Only the tool, SUBJECT and the tool's output are shown, never the arguments (they may hold a
# password), and the passwords are masked in the output too.
function(fenzhang_run subject tool)
    execute_process(COMMAND ${tool} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        foreach(secret IN ITEMS "$ENV{FENZHANG_SIGN_PASSWORD}" "$ENV{FENZHANG_NOTARY_PASSWORD}")
            if(NOT secret STREQUAL "")
                string(REPLACE "${secret}" "***" out "${out}")
            endif()
        endforeach()
        message(FATAL_ERROR "${tool} failed (${rc}) for ${subject}:\n${out}")
    endif()
    message(STATUS "${tool}: ${subject}")
endfunction()

function(fenzhang_signtool file)
    set(signtool "$ENV{FENZHANG_SIGNTOOL}")
    if(signtool STREQUAL "")
        set(signtool signtool)
    endif()
    set(timestamp "$ENV{FENZHANG_SIGN_TIMESTAMP_URL}")
    if(timestamp STREQUAL "")
        set(timestamp http://timestamp.digicert.com)
    endif()
    fenzhang_run("${file}" ${signtool} sign /fd SHA256 /td SHA256 /tr ${timestamp}
        /f "$ENV{FENZHANG_SIGN_PFX}" /p "$ENV{FENZHANG_SIGN_PASSWORD}" "${file}")
endfunction()

function(fenzhang_codesign path)
    fenzhang_run("${path}" codesign --force --timestamp ${ARGN} --sign "$ENV{FENZHANG_CODESIGN_IDENTITY}" "${path}")
endfunction()
