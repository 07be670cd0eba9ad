<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DeskOptions</name>
    <message>
        <source>Look up WeChat Pay profit-sharing results and returns.</source>
        <translation></translation>
    </message>
    <message>
        <source>Start the built-in sandbox and look up its demo data (no credentials needed).</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant ID.</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant certificate serial number.</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant API private key (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant API certificate (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay public key ID (PUB_KEY_ID_…).</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay public key (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>Primary API host.</source>
        <translation></translation>
    </message>
    <message>
        <source>Backup API host.</source>
        <translation></translation>
    </message>
    <message>
        <source>Extra trusted CA certificate (PEM).</source>
        <translation></translation>
    </message>
    <message>
        <source>Timeout per attempt, in seconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>Quit as soon as the main window has been painted (for benchmarks).</source>
        <translation></translation>
    </message>
    <message>
        <source>Command-line settings</source>
        <translation></translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0 and 3600, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Profit-sharing product of the command-line settings, or which demo profile to open: service-provider (default), direct or brand.</source>
        <translation>Profit-sharing product of the command-line settings, or which demo profile to open: service-provider (default), direct or brand.</translation>
    </message>
    <message>
        <source>--product must be service-provider, direct or brand, not &quot;%1&quot;.</source>
        <translation>--product must be service-provider, direct or brand, not &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Merchant certificate (*.p12 *.pfx);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folder</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>File Folder</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>WechatPaySettingsWidget</name>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Accessibility</name>
    <message>
        <source>Clear the field</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::AnswerBinding</name>
    <message>
        <source>%1: asked %2, answered %3</source>
        <translation></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::AnswerView</name>
    <message>
        <source>Raw answer</source>
        <translation>Raw answer</translation>
    </message>
    <message>
        <source>What to do (%1): %2</source>
        <translation>What to do (%1): %2</translation>
    </message>
    <message>
        <source>Not all went through: %1</source>
        <translation>Not all went through: %1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ApiJob</name>
    <message>
        <source>The answer from %1 is larger than %2 bytes; it was not read.</source>
        <translation></translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The error answer carries no signature.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the connection was closed before an answer arrived</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchCommand</name>
    <message>
        <source>batch: the CSV of look-ups (header: API field names).</source>
        <translation></translation>
    </message>
    <message>
        <source>batch: look-ups at once (default 4).</source>
        <translation></translation>
    </message>
    <message>
        <source>batch: look-ups started per second (default 10, 0 = no limit).</source>
        <translation></translation>
    </message>
    <message>
        <source>--%1 was given more than once.</source>
        <translation></translation>
    </message>
    <message>
        <source>The batch command needs --input and --output: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>--concurrency must be a whole number from 1 to 64.</source>
        <translation></translation>
    </message>
    <message>
        <source>--qps must be a number from 0 (no limit) to 10000.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has no header row; the first row must name the columns: %2
</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1: %2: %3
</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing was sent: correct the rows above and run again.
</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1 is the same as row %2: it is looked up once.
</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot write %1: %2
</source>
        <translation></translation>
    </message>
    <message>
        <source>%1/%2 done, %3 failed, %4 processing, ETA %5 s   </source>
        <translation></translation>
    </message>
    <message>
        <source>batch order: also look up each payment&apos;s remaining amount (剩余待分金额) and add it as columns.</source>
        <translation>batch order: also look up each payment&apos;s remaining amount (剩余待分金额) and add it as columns.</translation>
    </message>
    <message>
        <source>--remaining-amount goes with batch order only (batch amounts looks up remaining amounts by themselves).</source>
        <translation>--remaining-amount goes with batch order only (batch amounts looks up remaining amounts by themselves).</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the remaining amount of %n payment(s)…
</source>
        <translation>
            <numerusform>Looking up the remaining amount of %n payment…
</numerusform>
            <numerusform>Looking up the remaining amount of %n payments…
</numerusform>
        </translation>
    </message>
    <message>
        <source>The batch command needs a kind of look-up: %1</source>
        <translation>The batch command needs a kind of look-up: %1</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchExport</name>
    <message>
        <source>Same as row %1: not sent twice.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 rows: %2 answered, %3 without a result.</source>
        <translation></translation>
    </message>
    <message>
        <source>Receivers by result:</source>
        <translation></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Not looked up: the batch was cancelled before.</source>
        <translation>Not looked up: the batch was cancelled before.</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchImporter</name>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text.</source>
        <translation></translation>
    </message>
    <message>
        <source>There are no rows to import.</source>
        <translation></translation>
    </message>
    <message>
        <source>No column is mapped to %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>There are no rows under the header.</source>
        <translation></translation>
    </message>
    <message>
        <source>The headings name the fields of a return look-up.</source>
        <translation>The headings name the fields of a return look-up.</translation>
    </message>
    <message>
        <source>The headings name the fields of an order look-up.</source>
        <translation>The headings name the fields of an order look-up.</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchInputPanel</name>
    <message>
        <source>&amp;Paste from Excel</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation></translation>
    </message>
    <message>
        <source>Look up:</source>
        <translation></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation></translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows that will not be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pasted list</source>
        <translation></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read (%1).</source>
        <translation>
            <numerusform>%n row read (%1).</numerusform>
            <numerusform>%n rows read (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will be looked up</source>
        <translation>
            <numerusform>%n will be looked up</numerusform>
            <numerusform>%n will be looked up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will not be sent.</source>
        <translation>
            <numerusform>%n will not be sent.</numerusform>
            <numerusform>%n will not be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Column %1 → %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the same as row %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Every row is valid.</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows to look up (pasted from Excel or typed)</source>
        <translation></translation>
    </message>
    <message>
        <source>Preview of the rows read</source>
        <translation></translation>
    </message>
    <message>
        <source>Problems in the rows</source>
        <translation></translation>
    </message>
    <message>
        <source>Column %1 (%2)</source>
        <translation>Column %1 (%2)</translation>
    </message>
    <message>
        <source>Column %1 (e.g. %2)</source>
        <translation>Column %1 (e.g. %2)</translation>
    </message>
    <message>
        <source>These rows look like profit-sharing returns (out_return_no), not orders.</source>
        <translation>These rows look like profit-sharing returns (out_return_no), not orders.</translation>
    </message>
    <message>
        <source>These rows look like profit-sharing orders (transaction_id, out_order_no), not returns.</source>
        <translation>These rows look like profit-sharing orders (transaction_id, out_order_no), not returns.</translation>
    </message>
    <message>
        <source>&amp;Switch to returns</source>
        <translation>&amp;Switch to returns</translation>
    </message>
    <message>
        <source>&amp;Switch to orders</source>
        <translation>&amp;Switch to orders</translation>
    </message>
    <message>
        <source>Paste rows copied from Excel here (tab-separated), or import a CSV file. Order columns: sub_mchid, transaction_id, out_order_no. Return columns: sub_mchid, out_return_no, order_id or out_order_no. Remaining amounts: transaction_id.</source>
        <translation>Paste rows copied from Excel here (tab-separated), or import a CSV file. Order columns: sub_mchid, transaction_id, out_order_no. Return columns: sub_mchid, out_return_no, order_id or out_order_no. Remaining amounts: transaction_id.</translation>
    </message>
    <message>
        <source>&amp;Also look up remaining amounts</source>
        <translation>&amp;Also look up remaining amounts</translation>
    </message>
    <message>
        <source>After the orders, look up how much of each payment is still frozen for sharing (剩余待分金额): one look-up per payment, shown and exported beside its order.</source>
        <translation>After the orders, look up how much of each payment is still frozen for sharing (剩余待分金额): one look-up per payment, shown and exported beside its order.</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchPage</name>
    <message>
        <source>Batch</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run batch</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation></translation>
    </message>
    <message>
        <source>Re-run &amp;failed</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Watch the PROCESSING ones</source>
        <translation></translation>
    </message>
    <message>
        <source>How many look-ups run at the same time.</source>
        <translation></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation></translation>
    </message>
    <message>
        <source> per second</source>
        <translation></translation>
    </message>
    <message>
        <source>Look-ups started per second at most; 0 switches the limit off.</source>
        <translation></translation>
    </message>
    <message>
        <source>At once:</source>
        <translation></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n look-up(s) still PROCESSING; you will be told when they are final.</source>
        <translation>
            <numerusform>Watching %n look-up still PROCESSING; you will be told when they are final.</numerusform>
            <numerusform>Watching %n look-ups still PROCESSING; you will be told when they are final.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run batch</source>
        <translation></translation>
    </message>
    <message>
        <source>There are no valid rows to look up.</source>
        <translation></translation>
    </message>
    <message>
        <source>Export batch</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 failed · %4 processing · %5 not sent</source>
        <translation></translation>
    </message>
    <message>
        <source> · %1 cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source> · paused</source>
        <translation></translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation></translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Selected row</source>
        <translation>Selected row</translation>
    </message>
    <message>
        <source> · remaining amounts: %1 of %2 payments</source>
        <translation> · remaining amounts: %1 of %2 payments</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchRowsModel</name>
    <message>
        <source>Same as row %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No answer from WeChat Pay</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify</source>
        <translation></translation>
    </message>
    <message>
        <source>Unexpected answer: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent (invalid)</source>
        <translation></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation></translation>
    </message>
    <message>
        <source>Done</source>
        <translation></translation>
    </message>
    <message>
        <source>Done, still processing</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Row</source>
        <translation></translation>
    </message>
    <message>
        <source>Status</source>
        <translation></translation>
    </message>
    <message>
        <source>Sub-merchant</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation></translation>
    </message>
    <message>
        <source>State / result</source>
        <translation></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not the answer to this question: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Row %1 · %2 · %3</source>
        <translation>Row %1 · %2 · %3</translation>
    </message>
    <message>
        <source>State / result: %1 (%2)</source>
        <translation>State / result: %1 (%2)</translation>
    </message>
    <message>
        <source>Amount: %1 yuan</source>
        <translation>Amount: %1 yuan</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason / error</source>
        <translation>Reason / error</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Transaction ID</translation>
    </message>
    <message>
        <source>Remaining amount (剩余待分金额): %1 yuan (Request-ID %2)</source>
        <translation>Remaining amount (剩余待分金额): %1 yuan (Request-ID %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Remaining (yuan)</source>
        <translation>Remaining (yuan)</translation>
    </message>
    <message>
        <source>Remaining amount unknown: %1 (Request-ID %2)</source>
        <translation>Remaining amount unknown: %1 (Request-ID %2)</translation>
    </message>
    <message>
        <source>Failed (see the row)</source>
        <translation>Failed (see the row)</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchSummaryView</name>
    <message>
        <source>Group</source>
        <translation></translation>
    </message>
    <message>
        <source>State / result</source>
        <translation></translation>
    </message>
    <message>
        <source>Count</source>
        <translation></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation></translation>
    </message>
    <message>
        <source>Without a result</source>
        <translation></translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation></translation>
    </message>
    <message>
        <source>Batch summary</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ClientConfig</name>
    <message>
        <source>primary</source>
        <translation></translation>
    </message>
    <message>
        <source>backup</source>
        <translation></translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; holds no readable certificate (PEM or DER).</source>
        <translation></translation>
    </message>
    <message>
        <source>The timeout must be greater than zero.</source>
        <translation></translation>
    </message>
    <message>
        <source>The retry settings must not be negative.</source>
        <translation></translation>
    </message>
    <message>
        <source>The maximum body size must be greater than zero.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; is not a valid URL.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; uses plain http://, which is only allowed for this computer (127.0.0.1, ::1, localhost). Use https://.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; must start with https://.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Credentials</name>
    <message>
        <source>The merchant id (mchid) is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant id (mchid) must be digits only, at most 32, like 1900000001.</source>
        <translation></translation>
    </message>
    <message>
        <source>the private key kept in the keychain</source>
        <translation></translation>
    </message>
    <message>
        <source>No merchant private key was given: choose apiclient_key.pem or apiclient_cert.p12.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant private key has %1 bits; WeChat Pay requires RSA keys of at least %2 bits.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant private key does not belong to the merchant certificate (serial %1). Use the apiclient_key.pem and apiclient_cert.pem downloaded together.</source>
        <translation></translation>
    </message>
    <message>
        <source>The serial number %1 does not match the merchant certificate&apos;s serial %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant certificate serial number is missing: give apiclient_cert.pem, or type the serial shown in the merchant platform.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant certificate serial number must be hexadecimal, like 5157F09EFDC096DE.</source>
        <translation></translation>
    </message>
    <message>
        <source>The WeChat Pay public key id is missing (PUB_KEY_ID_…, shown next to the key in the merchant platform).</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters and digits.</source>
        <translation></translation>
    </message>
    <message>
        <source>The WeChat Pay public key file (pub_key.pem) is missing for %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The WeChat Pay public key has %1 bits; at least %2 are expected.</source>
        <translation></translation>
    </message>
    <message>
        <source>The platform certificate %1 does not hold an RSA key.</source>
        <translation></translation>
    </message>
    <message>
        <source>The platform certificate %1 holds a %2-bit RSA key; at least %3 bits are expected.</source>
        <translation></translation>
    </message>
    <message>
        <source>The platform certificate %1 (serial %2) expired on %3; download the current one (or switch to the WeChat Pay public key).</source>
        <translation></translation>
    </message>
    <message>
        <source>No WeChat Pay public key or platform certificate was given: answers cannot be verified.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::CsvWriter</name>
    <message>
        <source>No output device.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not write the CSV data.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Deflater</name>
    <message>
        <source>The compressor failed.</source>
        <translation>The compressor failed.</translation>
    </message>
    <message>
        <source>The compressor could not start.</source>
        <translation>The compressor could not start.</translation>
    </message>
    <message>
        <source>The compressor is not open.</source>
        <translation>The compressor is not open.</translation>
    </message>
</context>
<context>
    <name>fenzhang::DemoProfile</name>
    <message>
        <source>DEMO — %1</source>
        <translation>DEMO — %1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ErrorPanel</name>
    <message>
        <source>Details (copy these into a support ticket):</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile could not be used</source>
        <translation></translation>
    </message>
    <message>
        <source>Check the profile&apos;s key and certificate files. Nothing was sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Hosts tried: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s) in all.</source>
        <translation>
            <numerusform>Tried %n time in all.</numerusform>
            <numerusform>Tried %n times in all.</numerusform>
        </translation>
    </message>
    <message>
        <source>WeChat Pay answered with an error: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached</source>
        <translation></translation>
    </message>
    <message>
        <source>No answer from %1. %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Check the network connection, proxy and firewall, then try again. Nothing was looked up; no result is shown.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify — it was not trusted</source>
        <translation></translation>
    </message>
    <message>
        <source>No result is shown, because this answer may not come from WeChat Pay. Check the profile&apos;s WeChat Pay public key and its ID (or platform certificate), and your computer&apos;s clock. If it persists, report the Request-ID to WeChat Pay.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer could not be read</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer was signed correctly but is not what the API documents. Report the Request-ID to WeChat Pay.</source>
        <translation></translation>
    </message>
    <message>
        <source>The query is not valid</source>
        <translation></translation>
    </message>
    <message>
        <source>Correct the marked fields. Nothing was sent.</source>
        <translation></translation>
    </message>
    <message>
        <source>Look-up cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>The look-up was stopped before WeChat Pay answered, so there is no result. Press Enter to look it up again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer is not the answer to this question — it was not used</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer is signed by WeChat Pay, but it is about another order or return, so no result is shown or saved. Something between this computer and WeChat Pay (a proxy, a cache) mixed up or replayed answers. Look it up again; if it persists, report the Request-ID to your network administrator and to WeChat Pay.</source>
        <translation></translation>
    </message>
    <message>
        <source>Error details</source>
        <translation></translation>
    </message>
    <message>
        <source>No answer from WeChat Pay. %1</source>
        <translation>No answer from WeChat Pay. %1</translation>
    </message>
    <message>
        <source>Neither %1 answered. %2</source>
        <translation>Neither %1 answered. %2</translation>
    </message>
    <message>
        <source> nor </source>
        <translation> nor </translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportDialog</name>
    <message>
        <source>Excel workbook, IDs kept exact (*.xlsx)</source>
        <translation>Excel workbook, IDs kept exact (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for programs, Excel shortens long IDs (*.csv)</source>
        <translation>CSV for programs, Excel shortens long IDs (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1 (Excel workbook).</source>
        <translation>
            <numerusform>Exported %n row to %1 (Excel workbook).</numerusform>
            <numerusform>Exported %n rows to %1 (Excel workbook).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1 (CSV).</source>
        <translation>
            <numerusform>Exported %n row to %1 (CSV).</numerusform>
            <numerusform>Exported %n rows to %1 (CSV).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Could not write %1:
%2

No file was written; an existing file of that name is unchanged. Choose another folder or close the file in Excel, then export again.</source>
        <translation>Could not write %1:
%2

No file was written; an existing file of that name is unchanged. Choose another folder or close the file in Excel, then export again.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportTable</name>
    <message>
        <source>Row</source>
        <translation></translation>
    </message>
    <message>
        <source>Sub-merchant ID</source>
        <translation>Sub-merchant ID</translation>
    </message>
    <message>
        <source>WeChat Pay transaction ID</source>
        <translation>WeChat Pay transaction ID</translation>
    </message>
    <message>
        <source>Merchant sharing order no.</source>
        <translation>Merchant sharing order no.</translation>
    </message>
    <message>
        <source>WeChat sharing order no.</source>
        <translation>WeChat sharing order no.</translation>
    </message>
    <message>
        <source>Merchant return no.</source>
        <translation>Merchant return no.</translation>
    </message>
    <message>
        <source>WeChat return no.</source>
        <translation>WeChat return no.</translation>
    </message>
    <message>
        <source>Return merchant ID</source>
        <translation>Return merchant ID</translation>
    </message>
    <message>
        <source>State code</source>
        <translation>State code</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Receiver account</source>
        <translation>Receiver account</translation>
    </message>
    <message>
        <source>Receiver type code</source>
        <translation>Receiver type code</translation>
    </message>
    <message>
        <source>Receiver type</source>
        <translation>Receiver type</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>Amount (fen)</source>
        <translation>Amount (fen)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Result code</source>
        <translation>Result code</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Failure reason code</source>
        <translation>Failure reason code</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>Failure reason</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation></translation>
    </message>
    <message>
        <source>Detail ID</source>
        <translation>Detail ID</translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation>Request-ID</translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation>Signature verified</translation>
    </message>
    <message>
        <source>Looked up at</source>
        <translation>Looked up at</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Error kind</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Error code</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>What to do about the error</source>
        <translation>What to do about the error</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation>Look-up</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Result kind</source>
        <translation>Result kind</translation>
    </message>
    <message>
        <source>Receiver results</source>
        <translation>Receiver results</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>Receivers</translation>
    </message>
    <message>
        <source>Group</source>
        <translation></translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Count</source>
        <translation></translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Still to split (yuan)</source>
        <translation>Still to split (yuan)</translation>
    </message>
    <message>
        <source>Still to split (fen)</source>
        <translation>Still to split (fen)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Return description</source>
        <translation>Return description</translation>
    </message>
    <message>
        <source>Still to split: Request-ID</source>
        <translation>Still to split: Request-ID</translation>
    </message>
    <message>
        <source>Still to split: why not known</source>
        <translation>Still to split: why not known</translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportTime</name>
    <message>
        <source>Times are in this computer&apos;s time zone, as the app shows them, each with its UTC offset.</source>
        <translation>Times are in this computer&apos;s time zone, as the app shows them, each with its UTC offset.</translation>
    </message>
</context>
<context>
    <name>fenzhang::FilePathEdit</name>
    <message>
        <source>Browse…</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the file for %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::FileRead</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, device or pipe); choose the file itself.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file %1 is larger than %2; it was not read.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryBackend</name>
    <message>
        <source>The damaged history file %1 could not be moved aside.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryExport</name>
    <message numerus="yes">
        <source>History: %n look-up(s)</source>
        <translation>
            <numerusform>History: %n look-up</numerusform>
            <numerusform>History: %n look-ups</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryModel</name>
    <message>
        <source>Single</source>
        <translation></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Not trusted</source>
        <translation></translation>
    </message>
    <message>
        <source>Looked up at</source>
        <translation></translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation></translation>
    </message>
    <message>
        <source>Source</source>
        <translation></translation>
    </message>
    <message>
        <source>Sub-merchant</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation></translation>
    </message>
    <message>
        <source>State / result</source>
        <translation></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation></translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation></translation>
    </message>
    <message>
        <source>Not the answer to this question</source>
        <translation></translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>Unreadable answer</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sent (invalid)</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay error</source>
        <translation>WeChat Pay error</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>Other (%1)</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryPage</name>
    <message>
        <source>History</source>
        <translation></translation>
    </message>
    <message>
        <source>Looked up from</source>
        <translation></translation>
    </message>
    <message>
        <source>Start a new history file</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Clear history…</source>
        <translation></translation>
    </message>
    <message>
        <source>Search any number or Request-ID</source>
        <translation></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation></translation>
    </message>
    <message>
        <source>Finished (orders)</source>
        <translation></translation>
    </message>
    <message>
        <source>Success (returns)</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed (returns)</source>
        <translation></translation>
    </message>
    <message>
        <source>to</source>
        <translation></translation>
    </message>
    <message>
        <source>State:</source>
        <translation></translation>
    </message>
    <message>
        <source>forever</source>
        <translation></translation>
    </message>
    <message>
        <source> days</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep history for:</source>
        <translation></translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history cannot be used right now: %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s)</source>
        <translation>
            <numerusform>%n look-up</numerusform>
            <numerusform>%n look-ups</numerusform>
        </translation>
    </message>
    <message>
        <source>Run again</source>
        <translation></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation></translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n stored look-up(s) from this computer? This cannot be undone.</source>
        <translation>
            <numerusform>Delete all %n stored look-up from this computer? This cannot be undone.</numerusform>
            <numerusform>Delete all %n stored look-ups from this computer? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation></translation>
    </message>
    <message>
        <source>Looked up until</source>
        <translation></translation>
    </message>
    <message>
        <source>Look-ups in the history</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Any error (no result)</source>
        <translation>Any error (no result)</translation>
    </message>
    <message>
        <source>WeChat Pay answered with an error</source>
        <translation>WeChat Pay answered with an error</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Not trusted or unreadable answer</source>
        <translation>Not trusted or unreadable answer</translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s) match the search; %1 selected. Which should be exported?</source>
        <translation>
            <numerusform>%n look-up matches the search; %1 selected. Which should be exported?</numerusform>
            <numerusform>%n look-ups match the search; %1 selected. Which should be exported?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n matching</source>
        <translation>
            <numerusform>All %n matching</numerusform>
            <numerusform>All %n matching</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the %n selected</source>
        <translation>
            <numerusform>Only the %n selected</numerusform>
            <numerusform>Only the %n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Only the selected look-ups.</source>
        <translation>%1 Only the selected look-ups.</translation>
    </message>
    <message>
        <source>%1 All look-ups matching the search.</source>
        <translation>%1 All look-ups matching the search.</translation>
    </message>
    <message numerus="yes">
        <source>History: %n selected look-up(s)</source>
        <translation>
            <numerusform>History: %n selected look-up</numerusform>
            <numerusform>History: %n selected look-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History: %n look-up(s) matching the search</source>
        <translation>
            <numerusform>History: %n look-up matching the search</numerusform>
            <numerusform>History: %n look-ups matching the search</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryStore</name>
    <message>
        <source>The stored answer is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history (%1) is in use by another program, so %2 is not possible now. Close the other program and try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history file %1 is damaged or is not a history file (%2). It can be moved aside and a new, empty history started.</source>
        <translation></translation>
    </message>
    <message>
        <source>The history file %1 cannot be written (%2).</source>
        <translation></translation>
    </message>
    <message>
        <source>The history failed while %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>opening it</source>
        <translation></translation>
    </message>
    <message>
        <source>reading its version</source>
        <translation></translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer version of Fenzhang Desk (schema %2).</source>
        <translation></translation>
    </message>
    <message>
        <source>creating it</source>
        <translation></translation>
    </message>
    <message>
        <source>saving a look-up</source>
        <translation></translation>
    </message>
    <message>
        <source>searching</source>
        <translation></translation>
    </message>
    <message>
        <source>reading an entry</source>
        <translation></translation>
    </message>
    <message>
        <source>History entry %1 no longer exists.</source>
        <translation></translation>
    </message>
    <message>
        <source>removing old entries</source>
        <translation></translation>
    </message>
    <message>
        <source>clearing it</source>
        <translation></translation>
    </message>
    <message>
        <source>updating it to this version</source>
        <translation>updating it to this version</translation>
    </message>
</context>
<context>
    <name>fenzhang::ImportChecklist</name>
    <message>
        <source>Files found in the folder</source>
        <translation>Files found in the folder</translation>
    </message>
    <message>
        <source>Merchant private key: %1</source>
        <translation>Merchant private key: %1</translation>
    </message>
    <message>
        <source>Merchant certificate: %1</source>
        <translation>Merchant certificate: %1</translation>
    </message>
    <message>
        <source>Merchant certificate and key: %1</source>
        <translation>Merchant certificate and key: %1</translation>
    </message>
    <message>
        <source>Merchant private key apiclient_key.pem (or apiclient_cert.p12): not found — download it in 商户平台 → 账户中心 → API安全 → API证书</source>
        <translation>Merchant private key apiclient_key.pem (or apiclient_cert.p12): not found — download it in 商户平台 → 账户中心 → API安全 → API证书</translation>
    </message>
    <message>
        <source>Merchant certificate apiclient_cert.pem (or apiclient_cert.p12): not found — it comes with the private key</source>
        <translation>Merchant certificate apiclient_cert.pem (or apiclient_cert.p12): not found — it comes with the private key</translation>
    </message>
    <message>
        <source>WeChat Pay public key: %1</source>
        <translation>WeChat Pay public key: %1</translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate: %1</source>
        <translation>WeChat Pay platform certificate: %1</translation>
    </message>
    <message>
        <source>WeChat Pay public key pub_key.pem: not found — download it in 商户平台 → 账户中心 → API安全 → 微信支付公钥</source>
        <translation>WeChat Pay public key pub_key.pem: not found — download it in 商户平台 → 账户中心 → API安全 → 微信支付公钥</translation>
    </message>
    <message>
        <source>Its ID PUB_KEY_ID_…: not found — copy it from the same page into &quot;Public key id&quot;</source>
        <translation>Its ID PUB_KEY_ID_…: not found — copy it from the same page into &quot;Public key id&quot;</translation>
    </message>
    <message>
        <source>Public key ID: %1</source>
        <translation>Public key ID: %1</translation>
    </message>
    <message>
        <source>Merchant id (mchid): not found in the certificate — type it above</source>
        <translation>Merchant id (mchid): not found in the certificate — type it above</translation>
    </message>
    <message>
        <source>Merchant id (mchid): %1</source>
        <translation>Merchant id (mchid): %1</translation>
    </message>
    <message>
        <source>Certificate serial: not read yet — see the note under it</source>
        <translation>Certificate serial: not read yet — see the note under it</translation>
    </message>
    <message>
        <source>Certificate serial: %1</source>
        <translation>Certificate serial: %1</translation>
    </message>
    <message>
        <source>Everything was found in %1:</source>
        <translation>Everything was found in %1:</translation>
    </message>
    <message numerus="yes">
        <source>Read from %1 — %n item(s) still missing:</source>
        <translation>
            <numerusform>Read from %1 — %n item still missing:</numerusform>
            <numerusform>Read from %1 — %n items still missing:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::JsonValue</name>
    <message>
        <source>unexpected data after the JSON value</source>
        <translation></translation>
    </message>
    <message>
        <source>Invalid JSON at byte %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown literal</source>
        <translation></translation>
    </message>
    <message>
        <source>unexpected end of input</source>
        <translation></translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation></translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a member name in quotes</source>
        <translation></translation>
    </message>
    <message>
        <source>duplicate member name &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected &apos;:&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>leading zeros are not allowed</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a digit</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a digit after &apos;.&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>expected a digit in the exponent</source>
        <translation></translation>
    </message>
    <message>
        <source>incomplete \u escape</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid \u escape</source>
        <translation></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid escape</source>
        <translation></translation>
    </message>
    <message>
        <source>unpaired low surrogate</source>
        <translation></translation>
    </message>
    <message>
        <source>unpaired high surrogate</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation></translation>
    </message>
    <message>
        <source>control character in a string</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::KeyLoader</name>
    <message>
        <source>No file was given.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file %1 is too large to be a key or certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>The private key in %1 is encrypted with a password; use the apiclient_key.pem WeChat Pay issued, or the apiclient_cert.p12 file.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a PEM private key (expected &quot;-----BEGIN PRIVATE KEY-----&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 does not contain a readable private key.</source>
        <translation></translation>
    </message>
    <message>
        <source>The private key in %1 is not an RSA key.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a PEM public key (expected &quot;-----BEGIN PUBLIC KEY-----&quot;).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 does not contain a readable public key.</source>
        <translation></translation>
    </message>
    <message>
        <source>The public key in %1 is not an RSA key.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not an X.509 certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 (.p12) file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The password for %1 is wrong. WeChat Pay sets it to the merchant id (mchid).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be opened: it uses an unsupported encryption or is damaged.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 holds no private key.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::KnownOrderBox</name>
    <message>
        <source>Also look up a known order (optional)</source>
        <translation></translation>
    </message>
    <message>
        <source>Sub-merchant:</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay order:</source>
        <translation></translation>
    </message>
    <message>
        <source>Profit-sharing order:</source>
        <translation></translation>
    </message>
    <message>
        <source>Proves that WeChat Pay accepts this profile&apos;s signature and that its answer verifies.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Labels</name>
    <message>
        <source>Processing</source>
        <translation></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation></translation>
    </message>
    <message>
        <source>Not final yet: query again later until the state is Finished.</source>
        <translation></translation>
    </message>
    <message>
        <source>Final: the transfers have been executed. Check each receiver&apos;s result; Finished does not mean every receiver was paid.</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation></translation>
    </message>
    <message>
        <source>Personal OpenID (service provider&apos;s app)</source>
        <translation></translation>
    </message>
    <message>
        <source>Personal OpenID (sub-merchant&apos;s app)</source>
        <translation></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver account abnormal</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver relation removed</source>
        <translation></translation>
    </message>
    <message>
        <source>High-risk receiver</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver not real-name verified</source>
        <translation></translation>
    </message>
    <message>
        <source>Profit-sharing permission removed</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver&apos;s receipt limit reached</source>
        <translation></translation>
    </message>
    <message>
        <source>Payer account abnormal</source>
        <translation></translation>
    </message>
    <message>
        <source>Invalid request parameters</source>
        <translation></translation>
    </message>
    <message>
        <source>The receiver&apos;s account is abnormal (for example frozen or closed). Ask the receiver to check the account, then share again.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no profit-sharing relation with this receiver. Add the receiver first (添加分账接收方), then send a new profit-sharing request.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s risk control refused this receiver. Share to another receiver or contact WeChat Pay support with the Request-ID.</source>
        <translation></translation>
    </message>
    <message>
        <source>The receiver must complete real-name verification in WeChat, then share again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The sub-merchant&apos;s profit-sharing authorisation was removed. Have the sub-merchant authorise profit sharing again, then share again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The receiver has reached the limit on what it may receive. Share again after the limit resets, or to another receiver.</source>
        <translation></translation>
    </message>
    <message>
        <source>The paying sub-merchant&apos;s account is abnormal (for example frozen). Check its status on the merchant platform.</source>
        <translation></translation>
    </message>
    <message>
        <source>A parameter of the profit-sharing request (such as the description) was not accepted. Correct it and send a new request.</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Not final yet: query again later. If you send the return again, use the SAME out_return_no and the same parameters, never a new number, or funds are at risk. A return still processing after 5 days is closed as failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Final: the amount was returned from the receiver.</source>
        <translation></translation>
    </message>
    <message>
        <source>Final: the return failed. See the failure reason.</source>
        <translation></translation>
    </message>
    <message>
        <source>Original receiver&apos;s account abnormal</source>
        <translation></translation>
    </message>
    <message>
        <source>Closed after timing out</source>
        <translation></translation>
    </message>
    <message>
        <source>Original payer&apos;s account abnormal</source>
        <translation></translation>
    </message>
    <message>
        <source>The account of the original receiver is abnormal. Ask the receiver to check the account before returning again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The return stayed processing for 5 days and was closed as failed. Check the receiver&apos;s balance, then send a new return.</source>
        <translation></translation>
    </message>
    <message>
        <source>The account of the original payer (the sub-merchant) is abnormal. Check its status on the merchant platform.</source>
        <translation></translation>
    </message>
    <message>
        <source>A parameter of the return request (such as the description) was not accepted. Correct it and send the return again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Parameter error</source>
        <translation></translation>
    </message>
    <message>
        <source>Request does not follow the API rules</source>
        <translation></translation>
    </message>
    <message>
        <source>Signature rejected</source>
        <translation></translation>
    </message>
    <message>
        <source>No permission</source>
        <translation></translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation></translation>
    </message>
    <message>
        <source>Queried too often</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay system error</source>
        <translation></translation>
    </message>
    <message>
        <source>A parameter is wrong. Correct it as the error message says and query again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The request does not follow the WeChat Pay APIv3 rules. Check the message and detail.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay could not verify the signature. Check the merchant ID, the merchant certificate serial number and that the private key belongs to that certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>This merchant may not query this record. Check that sub_mchid belongs to this service provider and that profit sharing is authorised.</source>
        <translation></translation>
    </message>
    <message>
        <source>No such record. Check the numbers you entered and the sub_mchid.</source>
        <translation></translation>
    </message>
    <message>
        <source>Too many queries. Wait a moment, then retry.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay had a temporary problem. Retry later with the same numbers.</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver&apos;s balance not enough</source>
        <translation>Receiver&apos;s balance not enough</translation>
    </message>
    <message>
        <source>The receiver&apos;s account does not hold the amount to return. Ask the receiver to top it up, then send the return again with the same out_return_no.</source>
        <translation>The receiver&apos;s account does not hold the amount to return. Ask the receiver to top it up, then send the return again with the same out_return_no.</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Too many requests</translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupController</name>
    <message>
        <source>Looking up at %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Primary host unreachable — trying backup host %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay asked to slow down — retrying (attempt %1)…</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay system error — retrying (attempt %1)…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupKinds</name>
    <message>
        <source>Order</source>
        <comment>noun</comment>
        <translation>Order</translation>
    </message>
    <message>
        <source>Profit-sharing result</source>
        <comment>page title</comment>
        <translation>Profit-sharing result</translation>
    </message>
    <message>
        <source>Profit-sharing result</source>
        <comment>dialog title</comment>
        <translation>Profit-sharing result</translation>
    </message>
    <message>
        <source>Profit-sharing results (orders)</source>
        <comment>batch choice</comment>
        <translation>Profit-sharing results (orders)</translation>
    </message>
    <message>
        <source>Orders</source>
        <comment>group</comment>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Orders by state:</source>
        <comment>state title</comment>
        <translation>Orders by state:</translation>
    </message>
    <message>
        <source>Receivers</source>
        <comment>sheet</comment>
        <translation>Receivers</translation>
    </message>
    <message>
        <source>Profit-sharing order %1</source>
        <comment>subject</comment>
        <translation>Profit-sharing order %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n order look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>Batch of %n order look-up</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <comment>noun</comment>
        <translation>Return</translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <comment>page title</comment>
        <translation>Profit-sharing return</translation>
    </message>
    <message>
        <source>Return result</source>
        <comment>dialog title</comment>
        <translation>Return result</translation>
    </message>
    <message>
        <source>Profit-sharing returns</source>
        <comment>batch choice</comment>
        <translation>Profit-sharing returns</translation>
    </message>
    <message>
        <source>Returns</source>
        <comment>group</comment>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Returns by result:</source>
        <comment>state title</comment>
        <translation>Returns by result:</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>sheet</comment>
        <translation>Return</translation>
    </message>
    <message>
        <source>Profit-sharing return %1</source>
        <comment>subject</comment>
        <translation>Profit-sharing return %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n return look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>Batch of %n return look-up</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <comment>noun</comment>
        <translation>Remaining amount</translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <comment>page title</comment>
        <translation>Remaining amount</translation>
    </message>
    <message>
        <source>Remaining amount to share</source>
        <comment>dialog title</comment>
        <translation>Remaining amount to share</translation>
    </message>
    <message>
        <source>Remaining amounts (剩余待分金额)</source>
        <comment>batch choice</comment>
        <translation>Remaining amounts (剩余待分金额)</translation>
    </message>
    <message>
        <source>Transactions</source>
        <comment>group</comment>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Transactions by amount still to split:</source>
        <comment>state title</comment>
        <translation>Transactions by amount still to split:</translation>
    </message>
    <message>
        <source>Amount</source>
        <comment>sheet</comment>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Amount still to split of transaction %1</source>
        <comment>subject</comment>
        <translation>Amount still to split of transaction %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n remaining-amount look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>Batch of %n remaining-amount look-up</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupPage</name>
    <message>
        <source>There is no result to export.</source>
        <translation></translation>
    </message>
    <message>
        <source>Previous result, for %1 — the numbers above are being looked up…</source>
        <translation></translation>
    </message>
    <message>
        <source>Previous result, for %1 — not for the numbers above. Press Enter to look them up.</source>
        <translation></translation>
    </message>
    <message>
        <source>Remaining to share (剩余待分金额)</source>
        <translation>Remaining to share (剩余待分金额)</translation>
    </message>
    <message>
        <source>%1 yuan (%2 fen) of payment %3, looked up at %4, Request-ID %5</source>
        <translation>%1 yuan (%2 fen) of payment %3, looked up at %4, Request-ID %5</translation>
    </message>
    <message>
        <source>this order was looked up for another profit-sharing product; look it up again first.</source>
        <translation>this order was looked up for another profit-sharing product; look it up again first.</translation>
    </message>
    <message>
        <source>Enter %1, then press Enter.</source>
        <translation>Enter %1, then press Enter.</translation>
    </message>
</context>
<context>
    <name>fenzhang::MainWindow</name>
    <message>
        <source>DEMO — these look-ups go to the built-in sandbox, not to WeChat Pay. The data is made up.</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant profile:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Copy selected receivers</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Look-up</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run look-up</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Cancel look-up</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;fresh result</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About Fenzhang Desk</source>
        <translation></translation>
    </message>
    <message>
        <source>No profile</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile: %1 (mchid %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>[DEMO]</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Done: HTTP %1, %n attempt(s), signature verified.</source>
        <translation>
            <numerusform>Done: HTTP %1, %n attempt, signature verified.</numerusform>
            <numerusform>Done: HTTP %1, %n attempts, signature verified.</numerusform>
        </translation>
    </message>
    <message>
        <source>Look-up cancelled.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>No answer from WeChat Pay (%n attempt(s)).</source>
        <translation>
            <numerusform>No answer from WeChat Pay (%n attempt).</numerusform>
            <numerusform>No answer from WeChat Pay (%n attempts).</numerusform>
        </translation>
    </message>
    <message>
        <source>The look-up did not give a result — see the panel for why.</source>
        <translation></translation>
    </message>
    <message>
        <source>About Fenzhang Desk</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fenzhang Desk %1&lt;/h3&gt;&lt;p&gt;Looks up WeChat Pay profit-sharing results and returns: signed, verified, exportable.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample numbers from the sandbox are filled in: press Enter to look them up.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is no longer processing: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Fenzhang Desk: watching PROCESSING look-ups</source>
        <translation></translation>
    </message>
    <message>
        <source>Look-up final</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation></translation>
    </message>
    <message>
        <source>History not saved</source>
        <translation></translation>
    </message>
    <message>
        <source>%1
Click to open the History tab.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s) could not be saved to the history: %1

Quit without them in the history? To keep them, stay and start a new history file on the History tab.</source>
        <translation>
            <numerusform>%n look-up could not be saved to the history: %1

Quit without it in the history? To keep it, stay and start a new history file on the History tab.</numerusform>
            <numerusform>%n look-ups could not be saved to the history: %1

Quit without them in the history? To keep them, stay and start a new history file on the History tab.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Export result</translation>
    </message>
    <message>
        <source>Remaining amount looked up: HTTP %1, signature verified.</source>
        <translation>Remaining amount looked up: HTTP %1, signature verified.</translation>
    </message>
    <message>
        <source>The remaining amount could not be looked up — the line under the order says why.</source>
        <translation>The remaining amount could not be looked up — the line under the order says why.</translation>
    </message>
</context>
<context>
    <name>fenzhang::MessageBox</name>
    <message>
        <source>OK</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation></translation>
    </message>
    <message>
        <source>No</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Money</name>
    <message>
        <source>too large to add up</source>
        <translation>too large to add up</translation>
    </message>
</context>
<context>
    <name>fenzhang::OrderResultView</name>
    <message>
        <source>Profit-sharing order</source>
        <translation></translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation></translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), %2 yuan</source>
        <translation>
            <numerusform>%1: %n receiver, %2 yuan</numerusform>
            <numerusform>%1: %n receivers, %2 yuan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n receiver(s), %1 yuan</source>
        <translation>
            <numerusform>Total: %n receiver, %1 yuan</numerusform>
            <numerusform>Total: %n receivers, %1 yuan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), too large to add up</source>
        <translation>
            <numerusform>%1: %n receiver, too large to add up</numerusform>
            <numerusform>%1: %n receivers, too large to add up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n receiver(s), too large to add up</source>
        <translation>
            <numerusform>Total: %n receiver, too large to add up</numerusform>
            <numerusform>Total: %n receivers, too large to add up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::ProcessingBar</name>
    <message>
        <source>Not final yet: WeChat Pay is still processing.</source>
        <translation></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation></translation>
    </message>
    <message>
        <source>Refresh automatically until final</source>
        <translation></translation>
    </message>
    <message>
        <source>Looks again after 10 s, 30 s, 1 min, then every 5 min.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Next look-up in %n s</source>
        <translation>
            <numerusform>Next look-up in %n s</numerusform>
            <numerusform>Next look-up in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::Products</name>
    <message>
        <source>Service provider (ordinary profit sharing)</source>
        <translation>Service provider (ordinary profit sharing)</translation>
    </message>
    <message>
        <source>Direct merchant (ordinary profit sharing)</source>
        <translation>Direct merchant (ordinary profit sharing)</translation>
    </message>
    <message>
        <source>Chain brand profit sharing</source>
        <translation>Chain brand profit sharing</translation>
    </message>
    <message>
        <source>A service provider splitting its sub-merchants&apos; payments: every look-up names the sub-merchant (sub_mchid).</source>
        <translation>A service provider splitting its sub-merchants&apos; payments: every look-up names the sub-merchant (sub_mchid).</translation>
    </message>
    <message>
        <source>A merchant splitting its own payments: look-ups take no sub-merchant number.</source>
        <translation>A merchant splitting its own payments: look-ups take no sub-merchant number.</translation>
    </message>
    <message>
        <source>A service provider using chain-brand profit sharing for a brand and its stores (the brand endpoints).</source>
        <translation>A service provider using chain-brand profit sharing for a brand and its stores (the brand endpoints).</translation>
    </message>
</context>
<context>
    <name>fenzhang::Profile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant id (mchid) is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant id (mchid) must be digits only, like 1900000001.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the merchant certificate file apiclient_cert.p12.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the merchant private key file apiclient_key.pem.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the merchant certificate apiclient_cert.pem (or type its serial number).</source>
        <translation></translation>
    </message>
    <message>
        <source>The WeChat Pay public key id starts with PUB_KEY_ID_ followed by letters and digits.</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the WeChat Pay public key file pub_key.pem.</source>
        <translation></translation>
    </message>
    <message>
        <source>Type the WeChat Pay public key id (PUB_KEY_ID_…) shown next to the key.</source>
        <translation></translation>
    </message>
    <message>
        <source>Give the WeChat Pay public key (or platform certificates) to verify answers.</source>
        <translation></translation>
    </message>
    <message>
        <source>primary</source>
        <translation></translation>
    </message>
    <message>
        <source>backup</source>
        <translation></translation>
    </message>
    <message>
        <source>The timeout must be between %1 and %2 seconds.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 host is missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 host is not a valid address, like https://api.mch.weixin.qq.com.</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 host must use https:// (plain http:// only on this computer).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileCheckView</name>
    <message>
        <source>Check</source>
        <translation></translation>
    </message>
    <message>
        <source>Result</source>
        <translation></translation>
    </message>
    <message>
        <source>Details</source>
        <translation></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileChecker</name>
    <message>
        <source>Merchant id (mchid)</source>
        <translation></translation>
    </message>
    <message>
        <source>Files can be read</source>
        <translation></translation>
    </message>
    <message>
        <source>Private key and certificate open</source>
        <translation></translation>
    </message>
    <message>
        <source>Private key is RSA with at least 2048 bits</source>
        <translation></translation>
    </message>
    <message>
        <source>Private key matches the certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay public key id</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay public key or platform certificates load</source>
        <translation></translation>
    </message>
    <message>
        <source>Not checked: an earlier check failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>The merchant id must be digits only, like 1900000001 (shown at the top of the merchant platform).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) found and readable.</source>
        <translation>
            <numerusform>%n file found and readable.</numerusform>
            <numerusform>%n files found and readable.</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing or unreadable: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The private key opens (no certificate given).</source>
        <translation></translation>
    </message>
    <message>
        <source>Opened; the certificate is valid until %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>RSA, %1 bits.</source>
        <translation></translation>
    </message>
    <message>
        <source>No certificate: the serial number was typed and cannot be checked here.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (typed)</source>
        <translation></translation>
    </message>
    <message>
        <source>They belong together.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile says %1 but the certificate&apos;s serial is %2: open and save the profile again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Opened.</source>
        <translation></translation>
    </message>
    <message>
        <source>At least 2048 bits.</source>
        <translation></translation>
    </message>
    <message>
        <source>Without apiclient_cert.pem the serial number must be typed, in hexadecimal like 5157F09EFDC096DE15EBE81A47057A7232F1B8E1. Choosing the certificate is better: the serial is then read from it.</source>
        <translation></translation>
    </message>
    <message>
        <source>No public key id: answers are verified with platform certificates only.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters and digits, as shown in 商户平台 → 账户中心 → API安全.</source>
        <translation></translation>
    </message>
    <message>
        <source>Answers can be verified with: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileConnection</name>
    <message>
        <source>No merchant profile is selected.</source>
        <translation>No merchant profile is selected.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileConnector</name>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileDialog</name>
    <message>
        <source>Merchant profile</source>
        <translation></translation>
    </message>
    <message>
        <source>%1
Untick &quot;system keychain&quot; to keep only the key file&apos;s path.</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation></translation>
    </message>
    <message>
        <source>A name you recognise, like &quot;Head office&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>Service provider merchant id, like 1900000001</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Merchant id (mchid):</source>
        <translation></translation>
    </message>
    <message>
        <source>Chec&amp;k profile</source>
        <translation></translation>
    </message>
    <message>
        <source>Merchant API certificate and private key</source>
        <translation></translation>
    </message>
    <message>
        <source>apiclient_cert.p12</source>
        <translation></translation>
    </message>
    <message>
        <source>apiclient_key.pem + apiclient_cert.pem</source>
        <translation></translation>
    </message>
    <message>
        <source>Import from &amp;folder…</source>
        <translation></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation></translation>
    </message>
    <message>
        <source>Leave empty: the mchid, as WeChat Pay issues it</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate (.p12):</source>
        <translation></translation>
    </message>
    <message>
        <source>p12 password:</source>
        <translation></translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation></translation>
    </message>
    <message>
        <source>Certificate serial:</source>
        <translation></translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation></translation>
    </message>
    <message>
        <source>No WeChat Pay files were found in %1 (apiclient_cert.p12, apiclient_key.pem, apiclient_cert.pem, pub_key.pem).</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep the p12 password in the system keychain</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep the private key in the system keychain</source>
        <translation></translation>
    </message>
    <message>
        <source>Without apiclient_cert.pem, type the serial shown in 商户平台 → 账户中心 → API安全 → API证书.</source>
        <translation></translation>
    </message>
    <message>
        <source>Read from the certificate once it is chosen.</source>
        <translation></translation>
    </message>
    <message>
        <source>Read from the certificate when the profile was saved (its password is in the system keychain).</source>
        <translation></translation>
    </message>
    <message>
        <source>Read from the certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is already a profile named &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>The certificate could not be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the private key file to put into the keychain.</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking up the known order…</source>
        <translation></translation>
    </message>
    <message>
        <source>A known order can be looked up</source>
        <translation></translation>
    </message>
    <message>
        <source>Not checked: an earlier check failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for the system keychain…</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile check results</source>
        <translation></translation>
    </message>
    <message>
        <source>Reads apiclient_key.pem + apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem (PUB_KEY_ID_….pem) from one folder and fills in the fields.</source>
        <translation>Reads apiclient_key.pem + apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem (PUB_KEY_ID_….pem) from one folder and fills in the fields.</translation>
    </message>
    <message>
        <source>Choose the folder with apiclient_key.pem, apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem</source>
        <translation>Choose the folder with apiclient_key.pem, apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>Look up the remaining amount (剩余待分金额) by itself when an order is finished</source>
        <translation>Look up the remaining amount (剩余待分金额) by itself when an order is finished</translation>
    </message>
    <message>
        <source>Your merchant id, like 1900000001</source>
        <translation>Your merchant id, like 1900000001</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileImport</name>
    <message>
        <source>No p12 file was chosen.</source>
        <translation></translation>
    </message>
    <message>
        <source>No certificate file was chosen.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileLookupCheck</name>
    <message>
        <source>A known order can be looked up</source>
        <translation></translation>
    </message>
    <message>
        <source>Order %1 found: WeChat Pay accepted the signature and its answer verified.</source>
        <translation></translation>
    </message>
    <message>
        <source>The known order is not valid: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay refused the signature (%1 %2): check the merchant id, the private key and that the certificate is the one in use.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay accepted the signature but does not know this order (%1 %2): check the numbers and the sub-merchant id.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay answered HTTP %1 %2 %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify: check the WeChat Pay public key and its id (or the platform certificates) for this merchant.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer was signed by WeChat Pay but is not the answer to this question (%1); something between this computer and WeChat Pay mixed up or replayed answers.</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer could not be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileManagerDialog</name>
    <message>
        <source>Merchant profiles</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation></translation>
    </message>
    <message>
        <source>Use as de&amp;fault</source>
        <translation></translation>
    </message>
    <message>
        <source>mchid %1</source>
        <translation></translation>
    </message>
    <message>
        <source>mchid %1 — used when the app starts</source>
        <translation></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created without the secret: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot;? Its key files stay where they are; a key kept in the system keychain for it is removed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) to %1, without keys or passwords.</source>
        <translation>
            <numerusform>Exported %n profile to %1, without keys or passwords.</numerusform>
            <numerusform>Exported %n profiles to %1, without keys or passwords.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s). Check each one: keys kept in another computer&apos;s keychain are not part of an export.</source>
        <translation>
            <numerusform>Imported %n profile. Check it: keys kept in another computer&apos;s keychain are not part of an export.</numerusform>
            <numerusform>Imported %n profiles. Check each one: keys kept in another computer&apos;s keychain are not part of an export.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation></translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing was imported from %1.

%2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 holds no profile.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Importing from %1 makes this app trust what follows: requests signed with these keys go to these hosts, and answers are trusted when they verify with these files. Import only what you know the origin of.

%2

Import %n profile(s)?</source>
        <translation>
            <numerusform>Importing from %1 makes this app trust what follows: requests signed with these keys go to these hosts, and answers are trusted when they verify with these files. Import only what you know the origin of.

%2

Import %n profile?</numerusform>
            <numerusform>Importing from %1 makes this app trust what follows: requests signed with these keys go to these hosts, and answers are trusted when they verify with these files. Import only what you know the origin of.

%2

Import %n profiles?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation></translation>
    </message>
    <message>
        <source>New profile from a &amp;folder…</source>
        <translation>New profile from a &amp;folder…</translation>
    </message>
    <message>
        <source>No merchant profile yet. A profile is one service-provider account; what you need, from 商户平台 → 账户中心 → API安全:
  1. the merchant API private key and certificate: apiclient_key.pem + apiclient_cert.pem, or apiclient_cert.p12
  2. the WeChat Pay public key pub_key.pem and its ID PUB_KEY_ID_…
  3. your merchant id (mchid)
Put the files in one folder and start with &quot;New profile from a folder…&quot;.</source>
        <translation>No merchant profile yet. A profile is one service-provider account; what you need, from 商户平台 → 账户中心 → API安全:
  1. the merchant API private key and certificate: apiclient_key.pem + apiclient_cert.pem, or apiclient_cert.p12
  2. the WeChat Pay public key pub_key.pem and its ID PUB_KEY_ID_…
  3. your merchant id (mchid)
Put the files in one folder and start with &quot;New profile from a folder…&quot;.</translation>
    </message>
    <message>
        <source>&amp;Import profiles (JSON)…</source>
        <translation>&amp;Import profiles (JSON)…</translation>
    </message>
    <message>
        <source>Adds profiles exported from Fenzhang Desk (a .json file, without keys or passwords). For the certificate files WeChat Pay issues, use New… → Import from folder.</source>
        <translation>Adds profiles exported from Fenzhang Desk (a .json file, without keys or passwords). For the certificate files WeChat Pay issues, use New… → Import from folder.</translation>
    </message>
    <message>
        <source>E&amp;xport profile (JSON)…</source>
        <translation>E&amp;xport profile (JSON)…</translation>
    </message>
    <message>
        <source>Saves the selected profile as a .json file for a colleague, without keys or passwords.</source>
        <translation>Saves the selected profile as a .json file for a colleague, without keys or passwords.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileSelector</name>
    <message>
        <source>The merchant account the look-ups are made with</source>
        <translation></translation>
    </message>
    <message>
        <source>No profile — start with --demo or pass connection options</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileStore</name>
    <message>
        <source>The profiles are not valid JSON (%1 at byte %2).</source>
        <translation></translation>
    </message>
    <message>
        <source>This is not a Fenzhang Desk profile file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile file has no valid version.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile file was written by a newer version of Fenzhang Desk (format %1); update the app to read it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile file holds an entry that is not a profile.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile file holds a profile without a name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read the profiles in %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The profiles file could not be read: %1 It was kept as %2 and the app starts without profiles.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profiles file %1 could not be read: %2 It could not be moved aside either; it will not be overwritten until you move it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profiles file %1 could not be read and is left untouched; move it away to save profiles.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profiles file %1 is not writable.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not save the profiles to %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is already a profile named &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation></translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileTrust</name>
    <message>
        <source>merchant certificate and private key (.p12)</source>
        <translation></translation>
    </message>
    <message>
        <source>merchant private key</source>
        <translation></translation>
    </message>
    <message>
        <source>merchant certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate</source>
        <translation></translation>
    </message>
    <message>
        <source>extra CA (trusted for TLS besides the system&apos;s)</source>
        <translation></translation>
    </message>
    <message>
        <source>The %1 file %2 is on another computer or a web address; keys and certificates are read only from this computer: copy the file here and choose the copy.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 (mchid %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>  hosts: WeChat Pay&apos;s own (api.mch.weixin.qq.com, api2.mch.weixin.qq.com)</source>
        <translation></translation>
    </message>
    <message>
        <source>  host NOT WeChat Pay&apos;s own: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::QueryFields</name>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation>Sub-merchant ID (sub_mchid)</translation>
    </message>
    <message>
        <source>e.g. 1900000109</source>
        <translation>e.g. 1900000109</translation>
    </message>
    <message>
        <source>the sub-merchant ID</source>
        <translation>the sub-merchant ID</translation>
    </message>
    <message>
        <source>Transaction ID (transaction_id)</source>
        <translation>Transaction ID (transaction_id)</translation>
    </message>
    <message>
        <source>WeChat Pay order number, up to 32 digits</source>
        <translation>WeChat Pay order number, up to 32 digits</translation>
    </message>
    <message>
        <source>the WeChat Pay transaction ID</source>
        <translation>the WeChat Pay transaction ID</translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation>Merchant order No. (out_order_no)</translation>
    </message>
    <message>
        <source>Your profit-sharing order number</source>
        <translation>Your profit-sharing order number</translation>
    </message>
    <message>
        <source>your profit-sharing order number</source>
        <translation>your profit-sharing order number</translation>
    </message>
    <message>
        <source>Merchant return No. (out_return_no)</source>
        <translation>Merchant return No. (out_return_no)</translation>
    </message>
    <message>
        <source>Your profit-sharing return number</source>
        <translation>Your profit-sharing return number</translation>
    </message>
    <message>
        <source>your return number</source>
        <translation>your return number</translation>
    </message>
    <message>
        <source>WeChat Pay order ID (order_id)</source>
        <translation>WeChat Pay order ID (order_id)</translation>
    </message>
    <message>
        <source>WeChat Pay profit-sharing order ID</source>
        <translation>WeChat Pay profit-sharing order ID</translation>
    </message>
    <message>
        <source>the WeChat Pay profit-sharing order ID</source>
        <translation>the WeChat Pay profit-sharing order ID</translation>
    </message>
    <message>
        <source>Original order identified by</source>
        <translation>Original order identified by</translation>
    </message>
    <message>
        <source>the original profit-sharing order</source>
        <translation>the original profit-sharing order</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>fenzhang::QueryForm</name>
    <message>
        <source>Query</source>
        <translation></translation>
    </message>
    <message>
        <source>Look up (Enter or Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop this look-up (Esc)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not looked up: %1 — %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::RawView</name>
    <message>
        <source>Raw answer (HTTP status, headers and body)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiverDetailPane</name>
    <message>
        <source>Selected receiver</source>
        <translation>Selected receiver</translation>
    </message>
    <message>
        <source>%1 yuan to %2 (%3)</source>
        <translation>%1 yuan to %2 (%3)</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Description: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <source>Failure reason: %1</source>
        <translation>Failure reason: %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>created %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>finished %1</translation>
    </message>
    <message>
        <source>detail ID %1</source>
        <translation>detail ID %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>Select a receiver to see its failure reason and what to do about it.</source>
        <translation>Select a receiver to see its failure reason and what to do about it.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversModel</name>
    <message>
        <source>Amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>Description</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver type</source>
        <translation></translation>
    </message>
    <message>
        <source>Receiver account</source>
        <translation></translation>
    </message>
    <message>
        <source>Result</source>
        <translation></translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation></translation>
    </message>
    <message>
        <source>Created</source>
        <translation></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation></translation>
    </message>
    <message>
        <source>Detail ID</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversPanel</name>
    <message>
        <source>Filter receivers (account, description, result…)</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy rows as TSV</source>
        <translation></translation>
    </message>
    <message>
        <source>Filter receivers</source>
        <translation></translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::RemainingAmountLine</name>
    <message>
        <source>Remaining to share:</source>
        <translation>Remaining to share:</translation>
    </message>
    <message>
        <source>Asks WeChat Pay how much of this payment is still frozen for profit sharing (剩余待分金额)</source>
        <translation>Asks WeChat Pay how much of this payment is still frozen for profit sharing (剩余待分金额)</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>not looked up yet</translation>
    </message>
    <message>
        <source>Look up remaining amount</source>
        <translation>Look up remaining amount</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>Look up again</translation>
    </message>
    <message>
        <source>Look up remaining amount again</source>
        <translation>Look up remaining amount again</translation>
    </message>
    <message>
        <source>0.00 yuan — nothing left to share (as of %1)</source>
        <translation>0.00 yuan — nothing left to share (as of %1)</translation>
    </message>
    <message>
        <source>%1 yuan still frozen for profit sharing (as of %2)</source>
        <translation>%1 yuan still frozen for profit sharing (as of %2)</translation>
    </message>
    <message>
        <source>Not known: %1</source>
        <translation>Not known: %1</translation>
    </message>
    <message>
        <source>Not known: %1 (Request-ID %2)</source>
        <translation>Not known: %1 (Request-ID %2)</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResponseVerifier</name>
    <message>
        <source>The answer is not signed: %1 missing.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer uses an unsupported signature type (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer carries a WeChat Pay signature probe (WECHATPAY/SIGNTEST/), not a real signature.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer is signed with key %1, which this profile does not have. Add the current WeChat Pay public key or platform certificate.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s Wechatpay-Timestamp is not a Unix time.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s timestamp is %1 seconds away from this computer&apos;s clock (more than %2 allowed). Check the computer&apos;s date and time.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s signature is not valid Base64.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer&apos;s signature does not match its content: it may have been altered.</source>
        <translation></translation>
    </message>
    <message>
        <source>Signature verified.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultDialog</name>
    <message>
        <source>From history, looked up at %1. This is the answer as it was then; run the look-up again for the current state.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultExport</name>
    <message>
        <source>There is no result to export.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not the answer to this question: %1</source>
        <translation>Not the answer to this question: %1</translation>
    </message>
    <message>
        <source>Cancelled before an answer came.</source>
        <translation>Cancelled before an answer came.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultFacts</name>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), %2 yuan</source>
        <translation>
            <numerusform>%1: %n receiver, %2 yuan</numerusform>
            <numerusform>%1: %n receivers, %2 yuan</numerusform>
        </translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Returned to the merchant (yuan)</source>
        <translation>Returned to the merchant (yuan)</translation>
    </message>
    <message>
        <source>Finish description (finish_description)</source>
        <translation>Finish description (finish_description)</translation>
    </message>
    <message numerus="yes">
        <source>Receivers (%n)</source>
        <translation>
            <numerusform>Receivers (%n)</numerusform>
            <numerusform>Receivers (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>Failure reason</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Return amount (yuan)</source>
        <translation>Return amount (yuan)</translation>
    </message>
    <message>
        <source>WeChat Pay return No. (%1)</source>
        <translation>WeChat Pay return No. (%1)</translation>
    </message>
    <message>
        <source>Returning merchant (return_mchid)</source>
        <translation>Returning merchant (return_mchid)</translation>
    </message>
    <message>
        <source>Return reason (description)</source>
        <translation>Return reason (description)</translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <translation>Remaining amount</translation>
    </message>
    <message>
        <source>This money can still be shared; to release it to the merchant, unfreeze the rest (解冻剩余资金).</source>
        <translation>This money can still be shared; to release it to the merchant, unfreeze the rest (解冻剩余资金).</translation>
    </message>
    <message>
        <source>Nothing of this payment is waiting to be shared any more.</source>
        <translation>Nothing of this payment is waiting to be shared any more.</translation>
    </message>
    <message>
        <source>Remaining to share (yuan)</source>
        <translation>Remaining to share (yuan)</translation>
    </message>
    <message numerus="yes">
        <source>%n receiver(s) not paid: %1</source>
        <translation>
            <numerusform>%n receiver not paid: %1</numerusform>
            <numerusform>%n receivers not paid: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Return result</source>
        <translation>Return result</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultMetaBar</name>
    <message>
        <source>Copy</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the Request-ID, for a support ticket</source>
        <translation></translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation></translation>
    </message>
    <message>
        <source>Signature NOT verified</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer carries WeChat Pay&apos;s valid signature.</source>
        <translation></translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>Looked up %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy the Request-ID</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultState</name>
    <message>
        <source>Money still to split</source>
        <translation>Money still to split</translation>
    </message>
    <message>
        <source>Nothing left to split</source>
        <translation>Nothing left to split</translation>
    </message>
</context>
<context>
    <name>fenzhang::Results</name>
    <message>
        <source>The answer has no &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a string.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a whole number of fen: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is out of range: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is negative: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not an object.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a list.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::ReturnResultView</name>
    <message>
        <source>This return is still being processed. Look it up again later with the SAME merchant return No. (out_return_no) — never start a new return with a new number for the same money. A return not finished within 5 days is closed as failed.</source>
        <translation></translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <translation></translation>
    </message>
    <message>
        <source>Return amount (yuan)</source>
        <translation></translation>
    </message>
    <message>
        <source>Returning merchant (return_mchid)</source>
        <translation></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation></translation>
    </message>
    <message>
        <source>Details</source>
        <translation></translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Failure reason: %1 (%2) — %3</source>
        <translation></translation>
    </message>
    <message>
        <source>WeChat Pay return No. (%1)</source>
        <translation>WeChat Pay return No. (%1)</translation>
    </message>
    <message>
        <source>Return reason (description)</source>
        <translation>Return reason (description)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>fenzhang::SecretStore</name>
    <message>
        <source>Checking the system keychain…</source>
        <translation></translation>
    </message>
    <message>
        <source>Private keys and p12 passwords are kept in the system keychain.</source>
        <translation></translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Secrets are not stored: the key file is read from its path when needed, and a p12 password other than the mchid is asked each time.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not store the secret in the system keychain: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The system keychain holds no secret for this profile; choose the key file again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read the secret from the system keychain: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not remove the secret from the system keychain: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not copy the secret in the system keychain: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation></translation>
    </message>
    <message>
        <source>Refresh PROCESSING results automatically</source>
        <translation></translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation></translation>
    </message>
    <message>
        <source>Language</source>
        <translation></translation>
    </message>
    <message>
        <source>OK</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::StoreConnectionProvider</name>
    <message>
        <source>The private key of &quot;%1&quot; is still being read from the system keychain; try again in a moment.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::Validation</name>
    <message>
        <source>Required.</source>
        <translation></translation>
    </message>
    <message>
        <source>Digits only.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>At most %n digits.</source>
        <translation>
            <numerusform>At most %n digit.</numerusform>
            <numerusform>At most %n digits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits and _ - | * @ are allowed.</source>
        <translation></translation>
    </message>
    <message>
        <source>At most 64 characters.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter order_id or out_order_no, not both.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter either order_id or out_order_no.</source>
        <translation></translation>
    </message>
    <message>
        <source>A direct merchant&apos;s look-ups take no sub_mchid.</source>
        <translation>A direct merchant&apos;s look-ups take no sub_mchid.</translation>
    </message>
    <message>
        <source>Only chain-brand returns can be looked up by order_id: enter out_order_no.</source>
        <translation>Only chain-brand returns can be looked up by order_id: enter out_order_no.</translation>
    </message>
</context>
<context>
    <name>fenzhang::WechatPaySettingsWidget</name>
    <message>
        <source>WeChat Pay public key (verifies answers)</source>
        <translation></translation>
    </message>
    <message>
        <source>Optional, one file per line (older accounts without a public key)</source>
        <translation></translation>
    </message>
    <message>
        <source>Public key id:</source>
        <translation></translation>
    </message>
    <message>
        <source>Public key file:</source>
        <translation></translation>
    </message>
    <message>
        <source>Platform certificates:</source>
        <translation></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation></translation>
    </message>
    <message>
        <source>Empty: no backup host</source>
        <translation></translation>
    </message>
    <message>
        <source> s</source>
        <translation></translation>
    </message>
    <message>
        <source>Optional: an extra trusted CA (company proxy)</source>
        <translation></translation>
    </message>
    <message>
        <source>Primary host:</source>
        <translation></translation>
    </message>
    <message>
        <source>Backup host:</source>
        <translation></translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation></translation>
    </message>
    <message>
        <source>Extra CA:</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fenzhang::XlsxWriter</name>
    <message>
        <source>A cell holds more than %1 characters, more than a workbook cell can.</source>
        <translation>A cell holds more than %1 characters, more than a workbook cell can.</translation>
    </message>
    <message>
        <source>Could not create a temporary file for the workbook: %1</source>
        <translation>Could not create a temporary file for the workbook: %1</translation>
    </message>
    <message>
        <source>Could not add the sheet &quot;%1&quot;.</source>
        <translation>Could not add the sheet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>More than %1 rows do not fit in a workbook; export CSV instead.</source>
        <translation>More than %1 rows do not fit in a workbook; export CSV instead.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>no answers</translation>
    </message>
    <message numerus="yes">
        <source>all %n answer(s) verified</source>
        <translation>
            <numerusform>all %n answer verified</numerusform>
            <numerusform>all %n answers verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n answer(s) verified</source>
        <translation>
            <numerusform>%1 of %n answer verified</numerusform>
            <numerusform>%1 of %n answers verified</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Merchant ID (mchid)</source>
        <translation>Merchant ID (mchid)</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Exported at</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation></translation>
    </message>
    <message>
        <source>Signatures verified</source>
        <translation>Signatures verified</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <source>Amounts are numbers (yuan with two decimals, fen as integers); an amount too large for a spreadsheet to hold exactly (over 15 digits) is written as text.</source>
        <translation>Amounts are numbers (yuan with two decimals, fen as integers); an amount too large for a spreadsheet to hold exactly (over 15 digits) is written as text.</translation>
    </message>
    <message>
        <source>IDs</source>
        <translation>IDs</translation>
    </message>
    <message>
        <source>Every ID is a text cell holding exactly WeChat Pay&apos;s digits.</source>
        <translation>Every ID is a text cell holding exactly WeChat Pay&apos;s digits.</translation>
    </message>
    <message>
        <source>Could not write the workbook&apos;s temporary file: %1</source>
        <translation>Could not write the workbook&apos;s temporary file: %1</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>The workbook has no sheet.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is too large for a workbook (over 2 GB of cells); export CSV instead.</source>
        <translation>The sheet &quot;%1&quot; is too large for a workbook (over 2 GB of cells); export CSV instead.</translation>
    </message>
</context>
<context>
    <name>fenzhang::ZipWriter</name>
    <message>
        <source>No output device.</source>
        <translation>No output device.</translation>
    </message>
    <message>
        <source>The file would be larger than 4 GB; export CSV instead.</source>
        <translation>The file would be larger than 4 GB; export CSV instead.</translation>
    </message>
    <message>
        <source>Could not write &quot;%1&quot;.</source>
        <translation>Could not write &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Could not compress &quot;%1&quot;.</source>
        <translation>Could not compress &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo mode</source>
        <translation></translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Fenzhang Desk</source>
        <translation></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation></translation>
    </message>
</context>
</TS>
