<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskOptions</name>
    <message>
        <source>Look up WeChat Pay profit-sharing results and returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the built-in sandbox and look up its demo data (no credentials needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant certificate serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant API private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant API certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key ID (PUB_KEY_ID_…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay public key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary API host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup API host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra trusted CA certificate (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout per attempt, in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit as soon as the main window has been painted (for benchmarks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line (mchid %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::DemoProfile</name>
    <message>
        <source>DEMO — built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ErrorPanel</name>
    <message>
        <source>Details (copy these into a support ticket):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s key and certificate files. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts tried: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s) in all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>WeChat Pay answered with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection, proxy and firewall, then try again. Nothing was looked up; no result is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify — it was not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result is shown, because this answer may not come from WeChat Pay. Check the profile&apos;s WeChat Pay public key and its ID (or platform certificate), and your computer&apos;s clock. If it persists, report the Request-ID to WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was signed correctly but is not what the API documents. Report the Request-ID to WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked fields. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-up cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::KeyLoader</name>
    <message>
        <source>No file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is too large to be a key or certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in %1 is encrypted with a password; use the apiclient_key.pem WeChat Pay issued, or the apiclient_cert.p12 file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM private key (expected &quot;-----BEGIN PRIVATE KEY-----&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not contain a readable private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key in %1 is not an RSA key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PEM public key (expected &quot;-----BEGIN PUBLIC KEY-----&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not contain a readable public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key in %1 is not an RSA key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an X.509 certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 (.p12) file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password for %1 is wrong. WeChat Pay sets it to the merchant id (mchid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: it uses an unsupported encryption or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no private key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupController</name>
    <message>
        <source>No merchant profile is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary host unreachable — trying backup host %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay asked to slow down — retrying (attempt %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay system error — retrying (attempt %1)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupPage</name>
    <message>
        <source>Enter the sub-merchant ID, the WeChat Pay transaction ID and your profit-sharing order number, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sub-merchant ID, your return number and the original profit-sharing order, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit-sharing result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no result to export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::MainWindow</name>
    <message>
        <source>DEMO — these look-ups go to the built-in sandbox, not to WeChat Pay. The data is made up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy selected receivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run look-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel look-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Fenzhang Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1 (mchid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fenzhang Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[DEMO]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: HTTP %1, %n attempt(s), signature verified.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Look-up cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No answer from WeChat Pay (%n attempt(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The look-up did not give a result — see the panel for why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Fenzhang Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fenzhang Desk %1&lt;/h3&gt;&lt;p&gt;Looks up WeChat Pay profit-sharing results and returns: signed, verified, exportable.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::MerchantCredentials</name>
    <message>
        <source>The merchant id (mchid) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant id (mchid) must be digits only, at most 32, like 1900000001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No merchant private key was given: choose apiclient_key.pem or apiclient_cert.p12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant private key has %1 bits; WeChat Pay requires RSA keys of at least %2 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant private key does not belong to the merchant certificate (serial %1). Use the apiclient_key.pem and apiclient_cert.pem downloaded together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial number %1 does not match the merchant certificate&apos;s serial %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant certificate serial number is missing: give apiclient_cert.pem, or type the serial shown in the merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merchant certificate serial number must be hexadecimal, like 5157F09EFDC096DE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::OrderForm</name>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1900000109</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID (transaction_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay order number, up to 32 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profit-sharing order number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::OrderResultView</name>
    <message>
        <source>Profit-sharing order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay order ID (order_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID (transaction_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), %2 yuan</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n receiver(s), %1 yuan</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::ProcessingBar</name>
    <message>
        <source>Not final yet: WeChat Pay is still processing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh automatically until final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks again after 10 s, 30 s, 1 min, then every 5 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next look-up in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileSelector</name>
    <message>
        <source>The merchant account the look-ups are made with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile — start with --demo or pass connection options</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::QueryForm</name>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up (Enter or Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this look-up (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversModel</name>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversPanel</name>
    <message>
        <source>Filter receivers (account, description, result…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy rows as TSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ResponseVerifier</name>
    <message>
        <source>The answer is not signed: %1 missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer uses an unsupported signature type (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer carries a WeChat Pay signature probe (WECHATPAY/SIGNTEST/), not a real signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is signed with key %1, which this profile does not have. Add the current WeChat Pay public key or platform certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s Wechatpay-Timestamp is not a Unix time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s timestamp is %1 seconds away from this computer&apos;s clock (more than %2 allowed). Check the computer&apos;s date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s signature is not valid Base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s signature does not match its content: it may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature verified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultMetaBar</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the Request-ID, for a support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature NOT verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer carries WeChat Pay&apos;s valid signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looked up %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReturnForm</name>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1900000109</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant return No. (out_return_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profit-sharing return number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay order ID (order_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original order identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay profit-sharing order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profit-sharing order number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReturnResultView</name>
    <message>
        <source>This return is still being processed. Look it up again later with the SAME merchant return No. (out_return_no) — never start a new return with a new number for the same money. A return not finished within 5 days is closed as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning merchant (return_mchid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay return No. (return_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant return No. (out_return_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay order ID (order_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure reason: %1 (%2) — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh PROCESSING results automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fenzhang::VerifierKeyRing</name>
    <message>
        <source>The WeChat Pay public key id is missing (PUB_KEY_ID_…, shown next to the key in the merchant platform).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay public key file (pub_key.pem) is missing for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WeChat Pay public key has %1 bits; at least %2 are expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform certificate %1 does not hold an RSA key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No WeChat Pay public key or platform certificate was given: answers cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
