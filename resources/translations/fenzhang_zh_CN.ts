<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeskOptions</name>
    <message>
        <source>Look up WeChat Pay profit-sharing results and returns.</source>
        <translation>查询微信支付分账结果和分账回退结果。</translation>
    </message>
    <message>
        <source>Start the built-in sandbox and look up its demo data (no credentials needed).</source>
        <translation>启动内置沙箱并查询其演示数据（无需证书密钥）。</translation>
    </message>
    <message>
        <source>Merchant ID.</source>
        <translation>商户号。</translation>
    </message>
    <message>
        <source>Merchant certificate serial number.</source>
        <translation>商户证书序列号。</translation>
    </message>
    <message>
        <source>Merchant API private key (PEM).</source>
        <translation>商户 API 私钥（PEM）。</translation>
    </message>
    <message>
        <source>Merchant API certificate (PEM).</source>
        <translation>商户 API 证书（PEM）。</translation>
    </message>
    <message>
        <source>WeChat Pay public key ID (PUB_KEY_ID_…).</source>
        <translation>微信支付公钥 ID（PUB_KEY_ID_…）。</translation>
    </message>
    <message>
        <source>WeChat Pay public key (PEM).</source>
        <translation>微信支付公钥（PEM）。</translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate (PEM).</source>
        <translation>微信支付平台证书（PEM）。</translation>
    </message>
    <message>
        <source>Primary API host.</source>
        <translation>主 API 域名。</translation>
    </message>
    <message>
        <source>Backup API host.</source>
        <translation>备用 API 域名。</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate (PEM).</source>
        <translation>额外信任的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <source>Timeout per attempt, in seconds.</source>
        <translation>每次请求的超时时间（秒）。</translation>
    </message>
    <message>
        <source>Quit as soon as the main window has been painted (for benchmarks).</source>
        <translation>主窗口绘制完成后立即退出（用于性能测试）。</translation>
    </message>
    <message>
        <source>Command-line settings</source>
        <translation>命令行参数</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0 and 3600, not &quot;%1&quot;.</source>
        <translation>--timeout 必须是 0 到 3600 之间的秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>Profit-sharing product of the command-line settings, or which demo profile to open: service-provider (default), direct or brand.</source>
        <translation>命令行设置所用的分账产品，或先打开哪个演示配置：service-provider（普通服务商，默认）、direct（直连商户）或 brand（连锁品牌）。</translation>
    </message>
    <message>
        <source>--product must be service-provider, direct or brand, not &quot;%1&quot;.</source>
        <translation>--product 只能是 service-provider、direct 或 brand，不能是“%1”。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Merchant certificate (*.p12 *.pfx);;All files (*)</source>
        <translation>商户证书 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProfileManagerDialog</name>
    <message>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>商户配置 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>替身</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>WechatPaySettingsWidget</name>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>fenzhang::Accessibility</name>
    <message>
        <source>Clear the field</source>
        <translation>清空此栏</translation>
    </message>
</context>
<context>
    <name>fenzhang::AnswerBinding</name>
    <message>
        <source>%1: asked %2, answered %3</source>
        <translation>%1：查询的是 %2，应答的是 %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>fenzhang::AnswerView</name>
    <message>
        <source>Raw answer</source>
        <translation>原始应答</translation>
    </message>
    <message>
        <source>What to do (%1): %2</source>
        <translation>处理建议（%1）：%2</translation>
    </message>
    <message>
        <source>Not all went through: %1</source>
        <translation>未全部成功：%1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ApiJob</name>
    <message>
        <source>The answer from %1 is larger than %2 bytes; it was not read.</source>
        <translation>来自 %1 的应答超过 %2 字节，未读取。</translation>
    </message>
    <message>
        <source>no complete answer within %1 ms</source>
        <translation>%1 毫秒内未收到完整应答</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The error answer carries no signature.</source>
        <translation>错误应答没有签名。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The request URL is not valid: %1</source>
        <translation>请求地址无效：%1</translation>
    </message>
    <message>
        <source>the connection was closed before an answer arrived</source>
        <translation>在收到应答之前连接已关闭</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchCommand</name>
    <message>
        <source>batch: the CSV of look-ups (header: API field names).</source>
        <translation>batch：要查询的 CSV 文件（表头为接口字段名）。</translation>
    </message>
    <message>
        <source>batch: look-ups at once (default 4).</source>
        <translation>batch：同时进行的查询数（默认 4）。</translation>
    </message>
    <message>
        <source>batch: look-ups started per second (default 10, 0 = no limit).</source>
        <translation>batch：每秒发起的查询数（默认 10，0 表示不限）。</translation>
    </message>
    <message>
        <source>--%1 was given more than once.</source>
        <translation>--%1 被指定了多次。</translation>
    </message>
    <message>
        <source>The batch command needs --input and --output: %1</source>
        <translation>batch 命令需要 --input 和 --output：%1</translation>
    </message>
    <message>
        <source>--concurrency must be a whole number from 1 to 64.</source>
        <translation>--concurrency 必须是 1 到 64 之间的整数。</translation>
    </message>
    <message>
        <source>--qps must be a number from 0 (no limit) to 10000.</source>
        <translation>--qps 必须是 0（不限）到 10000 之间的数字。</translation>
    </message>
    <message>
        <source>%1 has no header row; the first row must name the columns: %2
</source>
        <translation>%1 没有表头行；第一行必须是列名：%2
</translation>
    </message>
    <message>
        <source>Row %1: %2: %3
</source>
        <translation>第 %1 行：%2：%3
</translation>
    </message>
    <message>
        <source>Nothing was sent: correct the rows above and run again.
</source>
        <translation>未发送任何请求：请修改以上各行后重新运行。
</translation>
    </message>
    <message>
        <source>Row %1 is the same as row %2: it is looked up once.
</source>
        <translation>第 %1 行与第 %2 行相同：只查询一次。
</translation>
    </message>
    <message>
        <source>Cannot write %1: %2
</source>
        <translation>无法写入 %1：%2
</translation>
    </message>
    <message>
        <source>%1/%2 done, %3 failed, %4 processing, ETA %5 s   </source>
        <translation>已完成 %1/%2，失败 %3，处理中 %4，预计还需 %5 秒   </translation>
    </message>
    <message>
        <source>batch order: also look up each payment&apos;s remaining amount (剩余待分金额) and add it as columns.</source>
        <translation>batch order：同时查询每笔支付的剩余待分金额，并作为列加入结果。</translation>
    </message>
    <message>
        <source>--remaining-amount goes with batch order only (batch amounts looks up remaining amounts by themselves).</source>
        <translation>--remaining-amount 只能用于 batch order（batch amounts 本身就是查询剩余待分金额）。</translation>
    </message>
    <message numerus="yes">
        <source>Looking up the remaining amount of %n payment(s)…
</source>
        <translation>
            <numerusform>正在查询 %n 笔支付的剩余待分金额…
</numerusform>
        </translation>
    </message>
    <message>
        <source>The batch command needs a kind of look-up: %1</source>
        <translation>batch 命令需要指定查询类型：%1</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchExport</name>
    <message>
        <source>Same as row %1: not sent twice.</source>
        <translation>与第 %1 行相同：未重复发送。</translation>
    </message>
    <message>
        <source>%1 rows: %2 answered, %3 without a result.</source>
        <translation>共 %1 行：%2 行有应答，%3 行没有结果。</translation>
    </message>
    <message>
        <source>Receivers by result:</source>
        <translation>接收方按分账结果统计：</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量查询</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Not looked up: the batch was cancelled before.</source>
        <translation>未查询：批量查询在此之前已取消。</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchImporter</name>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text.</source>
        <translation>该文件既不是 UTF-8 也不是 GB18030 编码的文本。</translation>
    </message>
    <message>
        <source>There are no rows to import.</source>
        <translation>没有可导入的行。</translation>
    </message>
    <message>
        <source>No column is mapped to %1.</source>
        <translation>没有列对应到 %1。</translation>
    </message>
    <message>
        <source>There are no rows under the header.</source>
        <translation>表头下没有数据行。</translation>
    </message>
    <message>
        <source>The headings name the fields of a return look-up.</source>
        <translation>表头是分账回退查询的字段。</translation>
    </message>
    <message>
        <source>The headings name the fields of an order look-up.</source>
        <translation>表头是分账结果查询的字段。</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchInputPanel</name>
    <message>
        <source>&amp;Paste from Excel</source>
        <translation>从 Excel 粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Look up:</source>
        <translation>查询：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>前几行预览</translation>
    </message>
    <message>
        <source>Rows that will not be sent</source>
        <translation>不会发送的行</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>还没有数据行。</translation>
    </message>
    <message>
        <source>Pasted list</source>
        <translation>粘贴的列表</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 或文本文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>正在读取数据行…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read (%1).</source>
        <translation>
            <numerusform>已读取 %n 行（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will be looked up</source>
        <translation>
            <numerusform>%n 行将被查询</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will not be sent.</source>
        <translation>
            <numerusform>%n 行不会发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Column %1 → %2</source>
        <translation>第 %1 列 → %2</translation>
    </message>
    <message>
        <source>the same as row %1</source>
        <translation>与第 %1 行相同</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Every row is valid.</source>
        <translation>所有行都有效。</translation>
    </message>
    <message>
        <source>Rows to look up (pasted from Excel or typed)</source>
        <translation>要查询的行（从 Excel 粘贴或手动输入）</translation>
    </message>
    <message>
        <source>Preview of the rows read</source>
        <translation>已读取行的预览</translation>
    </message>
    <message>
        <source>Problems in the rows</source>
        <translation>各行的问题</translation>
    </message>
    <message>
        <source>Column %1 (%2)</source>
        <translation>第 %1 列（%2）</translation>
    </message>
    <message>
        <source>Column %1 (e.g. %2)</source>
        <translation>第 %1 列（如 %2）</translation>
    </message>
    <message>
        <source>These rows look like profit-sharing returns (out_return_no), not orders.</source>
        <translation>这些行看起来是分账回退（out_return_no），不是分账结果查询。</translation>
    </message>
    <message>
        <source>These rows look like profit-sharing orders (transaction_id, out_order_no), not returns.</source>
        <translation>这些行看起来是分账结果查询（transaction_id、out_order_no），不是分账回退。</translation>
    </message>
    <message>
        <source>&amp;Switch to returns</source>
        <translation>改为查询分账回退(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Switch to orders</source>
        <translation>改为查询分账结果(&amp;S)</translation>
    </message>
    <message>
        <source>Paste rows copied from Excel here (tab-separated), or import a CSV file. Order columns: sub_mchid, transaction_id, out_order_no. Return columns: sub_mchid, out_return_no, order_id or out_order_no. Remaining amounts: transaction_id.</source>
        <translation>在此粘贴从 Excel 复制的行（制表符分隔），或导入 CSV 文件。分账单列：sub_mchid、transaction_id、out_order_no。回退单列：sub_mchid、out_return_no、order_id 或 out_order_no。剩余待分金额：transaction_id。</translation>
    </message>
    <message>
        <source>&amp;Also look up remaining amounts</source>
        <translation>同时查剩余待分金额(&amp;A)</translation>
    </message>
    <message>
        <source>After the orders, look up how much of each payment is still frozen for sharing (剩余待分金额): one look-up per payment, shown and exported beside its order.</source>
        <translation>查完分账结果后，再查每笔支付还有多少资金冻结待分（剩余待分金额）：每笔支付查一次，显示并导出在对应订单旁。</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchPage</name>
    <message>
        <source>Batch</source>
        <translation>批量查询</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>&amp;Run batch</source>
        <translation>开始批量查询(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Re-run &amp;failed</source>
        <translation>重查失败行(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Watch the PROCESSING ones</source>
        <translation>跟踪处理中的(&amp;W)</translation>
    </message>
    <message>
        <source>How many look-ups run at the same time.</source>
        <translation>同时进行的查询数。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> 次/秒</translation>
    </message>
    <message>
        <source>Look-ups started per second at most; 0 switches the limit off.</source>
        <translation>每秒最多发起的查询数；0 表示不限速。</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>并发：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n look-up(s) still PROCESSING; you will be told when they are final.</source>
        <translation>
            <numerusform>正在跟踪 %n 笔处理中的查询；有最终结果时会通知你。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run batch</source>
        <translation>批量查询</translation>
    </message>
    <message>
        <source>There are no valid rows to look up.</source>
        <translation>没有可查询的有效行。</translation>
    </message>
    <message>
        <source>Export batch</source>
        <translation>导出批量结果</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>%1 of %2 done · %3 failed · %4 processing · %5 not sent</source>
        <translation>已完成 %1/%2 · 失败 %3 · 处理中 %4 · 未发送 %5</translation>
    </message>
    <message>
        <source> · %1 cancelled</source>
        <translation> · 已取消 %1</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 约剩 %1</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation>批量查询结果</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Selected row</source>
        <translation>所选行</translation>
    </message>
    <message>
        <source> · remaining amounts: %1 of %2 payments</source>
        <translation> · 剩余待分金额：已查 %1 / %2 笔支付</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchRowsModel</name>
    <message>
        <source>Same as row %1</source>
        <translation>与第 %1 行相同</translation>
    </message>
    <message>
        <source>No answer from WeChat Pay</source>
        <translation>微信支付没有应答</translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify</source>
        <translation>应答签名验证失败</translation>
    </message>
    <message>
        <source>Unexpected answer: %1</source>
        <translation>无法识别的应答：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Not sent (invalid)</source>
        <translation>未发送（无效）</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Done, still processing</source>
        <translation>已完成，仍在处理中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sub-merchant</source>
        <translation>特约商户号</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>商户单号</translation>
    </message>
    <message>
        <source>State / result</source>
        <translation>状态 / 结果</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Not the answer to this question: %1</source>
        <translation>不是本次查询的应答：%1</translation>
    </message>
    <message>
        <source>Row %1 · %2 · %3</source>
        <translation>第 %1 行 · %2 · %3</translation>
    </message>
    <message>
        <source>State / result: %1 (%2)</source>
        <translation>状态 / 结果：%1（%2）</translation>
    </message>
    <message>
        <source>Amount: %1 yuan</source>
        <translation>金额：%1 元</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理建议：%1</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation>Request-ID：%1</translation>
    </message>
    <message>
        <source>Reason / error</source>
        <translation>原因 / 错误</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Remaining amount (剩余待分金额): %1 yuan (Request-ID %2)</source>
        <translation>剩余待分金额：%1 元（Request-ID %2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Remaining (yuan)</source>
        <translation>剩余待分（元）</translation>
    </message>
    <message>
        <source>Remaining amount unknown: %1 (Request-ID %2)</source>
        <translation>剩余待分金额未查到：%1（Request-ID %2）</translation>
    </message>
    <message>
        <source>Failed (see the row)</source>
        <translation>查询失败（见该行详情）</translation>
    </message>
</context>
<context>
    <name>fenzhang::BatchSummaryView</name>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>State / result</source>
        <translation>状态 / 结果</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>有结果</translation>
    </message>
    <message>
        <source>Without a result</source>
        <translation>无结果</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>分账接收方</translation>
    </message>
    <message>
        <source>Batch summary</source>
        <translation>批量查询汇总</translation>
    </message>
</context>
<context>
    <name>fenzhang::ClientConfig</name>
    <message>
        <source>primary</source>
        <translation>主</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; does not exist.</source>
        <translation>CA 文件“%1”不存在。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; holds no readable certificate (PEM or DER).</source>
        <translation>CA 文件“%1”中没有可读取的证书（PEM 或 DER）。</translation>
    </message>
    <message>
        <source>The timeout must be greater than zero.</source>
        <translation>超时时间必须大于 0。</translation>
    </message>
    <message>
        <source>The retry settings must not be negative.</source>
        <translation>重试设置不能为负数。</translation>
    </message>
    <message>
        <source>The maximum body size must be greater than zero.</source>
        <translation>应答大小上限必须大于 0。</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; is not a valid URL.</source>
        <translation>%1地址“%2”不是有效的网址。</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; uses plain http://, which is only allowed for this computer (127.0.0.1, ::1, localhost). Use https://.</source>
        <translation>%1地址“%2”使用了明文 http://，这只允许用于本机（127.0.0.1、::1、localhost）。请使用 https://。</translation>
    </message>
    <message>
        <source>The %1 URL &quot;%2&quot; must start with https://.</source>
        <translation>%1地址“%2”必须以 https:// 开头。</translation>
    </message>
</context>
<context>
    <name>fenzhang::Credentials</name>
    <message>
        <source>The merchant id (mchid) is missing.</source>
        <translation>缺少商户号（mchid）。</translation>
    </message>
    <message>
        <source>The merchant id (mchid) must be digits only, at most 32, like 1900000001.</source>
        <translation>商户号（mchid）只能是数字，最多 32 位，例如 1900000001。</translation>
    </message>
    <message>
        <source>the private key kept in the keychain</source>
        <translation>保存在系统钥匙串中的私钥</translation>
    </message>
    <message>
        <source>No merchant private key was given: choose apiclient_key.pem or apiclient_cert.p12.</source>
        <translation>未指定商户私钥：请选择 apiclient_key.pem 或 apiclient_cert.p12。</translation>
    </message>
    <message>
        <source>The merchant private key has %1 bits; WeChat Pay requires RSA keys of at least %2 bits.</source>
        <translation>商户私钥为 %1 位；微信支付要求 RSA 密钥至少 %2 位。</translation>
    </message>
    <message>
        <source>The merchant private key does not belong to the merchant certificate (serial %1). Use the apiclient_key.pem and apiclient_cert.pem downloaded together.</source>
        <translation>商户私钥与商户证书（序列号 %1）不匹配。请使用同一次下载的 apiclient_key.pem 和 apiclient_cert.pem。</translation>
    </message>
    <message>
        <source>The serial number %1 does not match the merchant certificate&apos;s serial %2.</source>
        <translation>序列号 %1 与商户证书的序列号 %2 不一致。</translation>
    </message>
    <message>
        <source>The merchant certificate serial number is missing: give apiclient_cert.pem, or type the serial shown in the merchant platform.</source>
        <translation>缺少商户证书序列号：请提供 apiclient_cert.pem，或填写商户平台上显示的序列号。</translation>
    </message>
    <message>
        <source>The merchant certificate serial number must be hexadecimal, like 5157F09EFDC096DE.</source>
        <translation>商户证书序列号必须是十六进制，例如 5157F09EFDC096DE。</translation>
    </message>
    <message>
        <source>The WeChat Pay public key id is missing (PUB_KEY_ID_…, shown next to the key in the merchant platform).</source>
        <translation>缺少微信支付公钥 ID（PUB_KEY_ID_…，在商户平台中显示于公钥旁）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters and digits.</source>
        <translation>“%1”不是微信支付公钥 ID：公钥 ID 以 PUB_KEY_ID_ 开头，后接字母和数字。</translation>
    </message>
    <message>
        <source>The WeChat Pay public key file (pub_key.pem) is missing for %1.</source>
        <translation>缺少 %1 对应的微信支付公钥文件（pub_key.pem）。</translation>
    </message>
    <message>
        <source>The WeChat Pay public key has %1 bits; at least %2 are expected.</source>
        <translation>微信支付公钥为 %1 位；应至少 %2 位。</translation>
    </message>
    <message>
        <source>The platform certificate %1 does not hold an RSA key.</source>
        <translation>平台证书 %1 中不是 RSA 密钥。</translation>
    </message>
    <message>
        <source>The platform certificate %1 holds a %2-bit RSA key; at least %3 bits are expected.</source>
        <translation>平台证书 %1 的 RSA 密钥只有 %2 位；至少应为 %3 位。</translation>
    </message>
    <message>
        <source>The platform certificate %1 (serial %2) expired on %3; download the current one (or switch to the WeChat Pay public key).</source>
        <translation>平台证书 %1（序列号 %2）已于 %3 过期；请下载当前的平台证书（或改用微信支付公钥）。</translation>
    </message>
    <message>
        <source>No WeChat Pay public key or platform certificate was given: answers cannot be verified.</source>
        <translation>未提供微信支付公钥或平台证书：无法验证应答签名。</translation>
    </message>
</context>
<context>
    <name>fenzhang::CsvWriter</name>
    <message>
        <source>No output device.</source>
        <translation>没有可写入的输出设备。</translation>
    </message>
    <message>
        <source>Could not write the CSV data.</source>
        <translation>无法写入 CSV 数据。</translation>
    </message>
</context>
<context>
    <name>fenzhang::Deflater</name>
    <message>
        <source>The compressor failed.</source>
        <translation>压缩失败。</translation>
    </message>
    <message>
        <source>The compressor could not start.</source>
        <translation>无法启动压缩。</translation>
    </message>
    <message>
        <source>The compressor is not open.</source>
        <translation>压缩器未打开。</translation>
    </message>
</context>
<context>
    <name>fenzhang::DemoProfile</name>
    <message>
        <source>DEMO — %1</source>
        <translation>演示 — %1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ErrorPanel</name>
    <message>
        <source>Details (copy these into a support ticket):</source>
        <translation>详细信息（可复制到工单中）：</translation>
    </message>
    <message>
        <source>The profile could not be used</source>
        <translation>无法使用该商户配置</translation>
    </message>
    <message>
        <source>Check the profile&apos;s key and certificate files. Nothing was sent.</source>
        <translation>请检查该配置的私钥和证书文件。本次未发送任何请求。</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态码：%1</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation>Request-ID：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>请求次数：%1</translation>
    </message>
    <message>
        <source>Hosts tried: %1</source>
        <translation>已尝试的域名：%1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>错误详情：</translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s) in all.</source>
        <translation>
            <numerusform>共尝试了 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>WeChat Pay answered with an error: %1</source>
        <translation>微信支付返回错误：%1</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached</source>
        <translation>无法连接微信支付</translation>
    </message>
    <message>
        <source>No answer from %1. %2</source>
        <translation>%1 均无应答。%2</translation>
    </message>
    <message>
        <source>Check the network connection, proxy and firewall, then try again. Nothing was looked up; no result is shown.</source>
        <translation>请检查网络连接、代理和防火墙后重试。本次未查到任何内容，不显示结果。</translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify — it was not trusted</source>
        <translation>应答签名验证失败——该应答不可信</translation>
    </message>
    <message>
        <source>No result is shown, because this answer may not come from WeChat Pay. Check the profile&apos;s WeChat Pay public key and its ID (or platform certificate), and your computer&apos;s clock. If it persists, report the Request-ID to WeChat Pay.</source>
        <translation>该应答可能并非来自微信支付，因此不显示任何结果。请检查配置中的微信支付公钥及其 ID（或平台证书），以及本机时间。如问题持续，请将 Request-ID 提供给微信支付。</translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s answer could not be read</source>
        <translation>无法解析微信支付的应答</translation>
    </message>
    <message>
        <source>The answer was signed correctly but is not what the API documents. Report the Request-ID to WeChat Pay.</source>
        <translation>应答签名正确，但内容与接口文档不符。请将 Request-ID 提供给微信支付。</translation>
    </message>
    <message>
        <source>The query is not valid</source>
        <translation>查询条件无效</translation>
    </message>
    <message>
        <source>Correct the marked fields. Nothing was sent.</source>
        <translation>请修改标红的字段。本次未发送任何请求。</translation>
    </message>
    <message>
        <source>Look-up cancelled</source>
        <translation>查询已取消</translation>
    </message>
    <message>
        <source>The look-up was stopped before WeChat Pay answered, so there is no result. Press Enter to look it up again.</source>
        <translation>查询在微信支付应答前已停止，因此没有结果。按 Enter 键可重新查询。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>The answer is not the answer to this question — it was not used</source>
        <translation>该应答不是本次查询的应答——未予采用</translation>
    </message>
    <message>
        <source>The answer is signed by WeChat Pay, but it is about another order or return, so no result is shown or saved. Something between this computer and WeChat Pay (a proxy, a cache) mixed up or replayed answers. Look it up again; if it persists, report the Request-ID to your network administrator and to WeChat Pay.</source>
        <translation>该应答有微信支付的签名，但内容是另一笔分账或回退，因此不显示也不保存任何结果。本机与微信支付之间的某个环节（代理、缓存）混淆或重放了应答。请重新查询；如仍如此，请把 Request-ID 报告给网络管理员和微信支付。</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详细信息</translation>
    </message>
    <message>
        <source>No answer from WeChat Pay. %1</source>
        <translation>微信支付无应答。%1</translation>
    </message>
    <message>
        <source>Neither %1 answered. %2</source>
        <translation>%1 均无应答。%2</translation>
    </message>
    <message>
        <source> nor </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportDialog</name>
    <message>
        <source>Excel workbook, IDs kept exact (*.xlsx)</source>
        <translation>Excel 工作簿，单号完整保留 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for programs, Excel shortens long IDs (*.csv)</source>
        <translation>CSV 供程序使用，Excel 会截短长单号 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1 (Excel workbook).</source>
        <translation>
            <numerusform>已导出 %n 行到 %1（Excel 工作簿）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1 (CSV).</source>
        <translation>
            <numerusform>已导出 %n 行到 %1（CSV）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1:
%2

No file was written; an existing file of that name is unchanged. Choose another folder or close the file in Excel, then export again.</source>
        <translation>无法写入 %1：
%2

没有写入任何文件；同名的已有文件保持不变。请选择其他文件夹，或在 Excel 中关闭该文件，然后重新导出。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportTable</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Sub-merchant ID</source>
        <translation>子商户号</translation>
    </message>
    <message>
        <source>WeChat Pay transaction ID</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Merchant sharing order no.</source>
        <translation>商户分账单号</translation>
    </message>
    <message>
        <source>WeChat sharing order no.</source>
        <translation>微信分账单号</translation>
    </message>
    <message>
        <source>Merchant return no.</source>
        <translation>商户回退单号</translation>
    </message>
    <message>
        <source>WeChat return no.</source>
        <translation>微信回退单号</translation>
    </message>
    <message>
        <source>Return merchant ID</source>
        <translation>回退商户号</translation>
    </message>
    <message>
        <source>State code</source>
        <translation>状态代码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Receiver account</source>
        <translation>接收方账号</translation>
    </message>
    <message>
        <source>Receiver type code</source>
        <translation>接收方类型代码</translation>
    </message>
    <message>
        <source>Receiver type</source>
        <translation>接收方类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Amount (fen)</source>
        <translation>金额（分）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>分账描述</translation>
    </message>
    <message>
        <source>Result code</source>
        <translation>结果代码</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Failure reason code</source>
        <translation>失败原因代码</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>分账完成</translation>
    </message>
    <message>
        <source>Detail ID</source>
        <translation>分账明细单号</translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation>请求 ID（Request-ID）</translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation>签名已验证</translation>
    </message>
    <message>
        <source>Looked up at</source>
        <translation>查询时间</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>错误类型</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误代码</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>What to do about the error</source>
        <translation>错误处理建议</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation>查询类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Result kind</source>
        <translation>结果类型</translation>
    </message>
    <message>
        <source>Receiver results</source>
        <translation>接收方结果</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Still to split (yuan)</source>
        <translation>剩余待分金额（元）</translation>
    </message>
    <message>
        <source>Still to split (fen)</source>
        <translation>剩余待分金额（分）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>分账产品</translation>
    </message>
    <message>
        <source>Return description</source>
        <translation>回退描述</translation>
    </message>
    <message>
        <source>Still to split: Request-ID</source>
        <translation>剩余待分金额 Request-ID</translation>
    </message>
    <message>
        <source>Still to split: why not known</source>
        <translation>剩余待分金额未查到的原因</translation>
    </message>
</context>
<context>
    <name>fenzhang::ExportTime</name>
    <message>
        <source>Times are in this computer&apos;s time zone, as the app shows them, each with its UTC offset.</source>
        <translation>时间均为本机时区的时间（与本应用界面显示一致），并注明与 UTC 的时差。</translation>
    </message>
</context>
<context>
    <name>fenzhang::FilePathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Choose the file for %1</source>
        <translation>为“%1”选择文件</translation>
    </message>
</context>
<context>
    <name>fenzhang::FileRead</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a folder, device or pipe); choose the file itself.</source>
        <translation>%1 不是普通文件（而是文件夹、设备或管道）；请选择文件本身。</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2; it was not read.</source>
        <translation>文件 %1 大于 %2，未读取。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryBackend</name>
    <message>
        <source>The damaged history file %1 could not be moved aside.</source>
        <translation>无法将损坏的历史文件 %1 移到一旁。</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryExport</name>
    <message numerus="yes">
        <source>History: %n look-up(s)</source>
        <translation>
            <numerusform>查询历史：%n 次查询</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>查询历史</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryModel</name>
    <message>
        <source>Single</source>
        <translation>单笔</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量查询</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Not trusted</source>
        <translation>不可信</translation>
    </message>
    <message>
        <source>Looked up at</source>
        <translation>查询时间</translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation>查询类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sub-merchant</source>
        <translation>特约商户号</translation>
    </message>
    <message>
        <source>Merchant number</source>
        <translation>商户单号</translation>
    </message>
    <message>
        <source>State / result</source>
        <translation>状态 / 结果</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Request-ID</source>
        <translation>Request-ID</translation>
    </message>
    <message>
        <source>Not the answer to this question</source>
        <translation>不是本次查询的应答</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>应答无法读取</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Not sent (invalid)</source>
        <translation>未发送（无效）</translation>
    </message>
    <message>
        <source>WeChat Pay error</source>
        <translation>微信支付返回错误</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>其他（%1）</translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryPage</name>
    <message>
        <source>History</source>
        <translation>查询历史</translation>
    </message>
    <message>
        <source>Looked up from</source>
        <translation>查询日期从</translation>
    </message>
    <message>
        <source>Start a new history file</source>
        <translation>新建历史文件</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>重新查询(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear history…</source>
        <translation>清空历史(&amp;C)…</translation>
    </message>
    <message>
        <source>Search any number or Request-ID</source>
        <translation>搜索任意单号或 Request-ID</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Finished (orders)</source>
        <translation>分账完成（分账单）</translation>
    </message>
    <message>
        <source>Success (returns)</source>
        <translation>回退成功（回退单）</translation>
    </message>
    <message>
        <source>Failed (returns)</source>
        <translation>回退失败（回退单）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Keep history for:</source>
        <translation>历史保留：</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>损坏的文件已保留为 %1。</translation>
    </message>
    <message>
        <source>The history cannot be used right now: %1</source>
        <translation>查询历史暂时无法使用：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s)</source>
        <translation>
            <numerusform>%n 条查询</numerusform>
        </translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出查询历史</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清空历史</translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n stored look-up(s) from this computer? This cannot be undone.</source>
        <translation>
            <numerusform>从这台电脑删除全部 %n 条查询历史？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>搜索查询历史</translation>
    </message>
    <message>
        <source>Looked up until</source>
        <translation>查询日期至</translation>
    </message>
    <message>
        <source>Look-ups in the history</source>
        <translation>历史中的查询记录</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Any error (no result)</source>
        <translation>所有错误（无结果）</translation>
    </message>
    <message>
        <source>WeChat Pay answered with an error</source>
        <translation>微信支付返回错误</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Not trusted or unreadable answer</source>
        <translation>应答不可信或无法读取</translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s) match the search; %1 selected. Which should be exported?</source>
        <translation>
            <numerusform>共有 %n 条查询符合搜索条件，已选中 %1 条。要导出哪些？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n matching</source>
        <translation>
            <numerusform>全部 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the %n selected</source>
        <translation>
            <numerusform>仅选中的 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Only the selected look-ups.</source>
        <translation>%1 仅包含选中的查询。</translation>
    </message>
    <message>
        <source>%1 All look-ups matching the search.</source>
        <translation>%1 包含所有符合搜索条件的查询。</translation>
    </message>
    <message numerus="yes">
        <source>History: %n selected look-up(s)</source>
        <translation>
            <numerusform>查询历史：选中的 %n 次查询</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History: %n look-up(s) matching the search</source>
        <translation>
            <numerusform>查询历史：符合搜索条件的 %n 次查询</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::HistoryStore</name>
    <message>
        <source>The stored answer is missing.</source>
        <translation>保存的应答缺失。</translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation>查询历史未打开。</translation>
    </message>
    <message>
        <source>The history (%1) is in use by another program, so %2 is not possible now. Close the other program and try again.</source>
        <translation>查询历史（%1）正被其他程序使用，暂时无法%2。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>The history file %1 is damaged or is not a history file (%2). It can be moved aside and a new, empty history started.</source>
        <translation>历史文件 %1 已损坏或不是历史文件（%2）。可以将其移走，重新开始一份空的查询历史。</translation>
    </message>
    <message>
        <source>The history file %1 cannot be written (%2).</source>
        <translation>无法写入历史文件 %1（%2）。</translation>
    </message>
    <message>
        <source>The history failed while %1: %2</source>
        <translation>查询历史在%1时出错：%2</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing.</source>
        <translation>缺少 Qt 的 SQLite 驱动。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>opening it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>reading its version</source>
        <translation>读取版本</translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer version of Fenzhang Desk (schema %2).</source>
        <translation>历史文件 %1 由更新版本的分账查询台写入（结构版本 %2）。</translation>
    </message>
    <message>
        <source>creating it</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>saving a look-up</source>
        <translation>保存查询记录</translation>
    </message>
    <message>
        <source>searching</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>reading an entry</source>
        <translation>读取记录</translation>
    </message>
    <message>
        <source>History entry %1 no longer exists.</source>
        <translation>历史记录 %1 已不存在。</translation>
    </message>
    <message>
        <source>removing old entries</source>
        <translation>删除旧记录</translation>
    </message>
    <message>
        <source>clearing it</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>updating it to this version</source>
        <translation>升级到本版本的格式时</translation>
    </message>
</context>
<context>
    <name>fenzhang::ImportChecklist</name>
    <message>
        <source>Files found in the folder</source>
        <translation>文件夹中找到的文件</translation>
    </message>
    <message>
        <source>Merchant private key: %1</source>
        <translation>商户私钥：%1</translation>
    </message>
    <message>
        <source>Merchant certificate: %1</source>
        <translation>商户证书：%1</translation>
    </message>
    <message>
        <source>Merchant certificate and key: %1</source>
        <translation>商户证书和私钥：%1</translation>
    </message>
    <message>
        <source>Merchant private key apiclient_key.pem (or apiclient_cert.p12): not found — download it in 商户平台 → 账户中心 → API安全 → API证书</source>
        <translation>商户私钥 apiclient_key.pem（或 apiclient_cert.p12）：未找到 —— 请在 商户平台 → 账户中心 → API安全 → API证书 下载</translation>
    </message>
    <message>
        <source>Merchant certificate apiclient_cert.pem (or apiclient_cert.p12): not found — it comes with the private key</source>
        <translation>商户证书 apiclient_cert.pem（或 apiclient_cert.p12）：未找到 —— 它与私钥一同下载</translation>
    </message>
    <message>
        <source>WeChat Pay public key: %1</source>
        <translation>微信支付公钥：%1</translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate: %1</source>
        <translation>微信支付平台证书：%1</translation>
    </message>
    <message>
        <source>WeChat Pay public key pub_key.pem: not found — download it in 商户平台 → 账户中心 → API安全 → 微信支付公钥</source>
        <translation>微信支付公钥 pub_key.pem：未找到 —— 请在 商户平台 → 账户中心 → API安全 → 微信支付公钥 下载</translation>
    </message>
    <message>
        <source>Its ID PUB_KEY_ID_…: not found — copy it from the same page into &quot;Public key id&quot;</source>
        <translation>公钥 ID PUB_KEY_ID_…：未找到 —— 请从同一页面复制到“公钥 ID”</translation>
    </message>
    <message>
        <source>Public key ID: %1</source>
        <translation>公钥 ID：%1</translation>
    </message>
    <message>
        <source>Merchant id (mchid): not found in the certificate — type it above</source>
        <translation>商户号（mchid）：证书中未找到 —— 请在上方填写</translation>
    </message>
    <message>
        <source>Merchant id (mchid): %1</source>
        <translation>商户号（mchid）：%1</translation>
    </message>
    <message>
        <source>Certificate serial: not read yet — see the note under it</source>
        <translation>证书序列号：尚未读出 —— 见其下方的说明</translation>
    </message>
    <message>
        <source>Certificate serial: %1</source>
        <translation>证书序列号：%1</translation>
    </message>
    <message>
        <source>Everything was found in %1:</source>
        <translation>在 %1 中全部找到：</translation>
    </message>
    <message numerus="yes">
        <source>Read from %1 — %n item(s) still missing:</source>
        <translation>
            <numerusform>已从 %1 读取 —— 还缺 %n 项：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::JsonValue</name>
    <message>
        <source>unexpected data after the JSON value</source>
        <translation>JSON 值之后有多余数据</translation>
    </message>
    <message>
        <source>Invalid JSON at byte %1: %2</source>
        <translation>JSON 无效（第 %1 字节）：%2</translation>
    </message>
    <message>
        <source>unknown literal</source>
        <translation>未知的字面量</translation>
    </message>
    <message>
        <source>unexpected end of input</source>
        <translation>内容意外结束</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>意外的字符</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <source>expected a member name in quotes</source>
        <translation>此处应为带引号的字段名</translation>
    </message>
    <message>
        <source>duplicate member name &quot;%1&quot;</source>
        <translation>字段名“%1”重复</translation>
    </message>
    <message>
        <source>expected &apos;:&apos;</source>
        <translation>此处应为“:”</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>此处应为“,”或“}”</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>此处应为“,”或“]”</translation>
    </message>
    <message>
        <source>leading zeros are not allowed</source>
        <translation>数字不允许以 0 开头</translation>
    </message>
    <message>
        <source>expected a digit</source>
        <translation>此处应为数字</translation>
    </message>
    <message>
        <source>expected a digit after &apos;.&apos;</source>
        <translation>“.”之后应为数字</translation>
    </message>
    <message>
        <source>expected a digit in the exponent</source>
        <translation>指数部分应为数字</translation>
    </message>
    <message>
        <source>incomplete \u escape</source>
        <translation>\u 转义不完整</translation>
    </message>
    <message>
        <source>invalid \u escape</source>
        <translation>\u 转义无效</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>invalid escape</source>
        <translation>转义无效</translation>
    </message>
    <message>
        <source>unpaired low surrogate</source>
        <translation>低代理项未配对</translation>
    </message>
    <message>
        <source>unpaired high surrogate</source>
        <translation>高代理项未配对</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>UTF-8 编码无效</translation>
    </message>
    <message>
        <source>control character in a string</source>
        <translation>字符串中含有控制字符</translation>
    </message>
</context>
<context>
    <name>fenzhang::KeyLoader</name>
    <message>
        <source>No file was given.</source>
        <translation>未指定文件。</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a key or certificate.</source>
        <translation>文件 %1 过大，不是密钥或证书文件。</translation>
    </message>
    <message>
        <source>The private key in %1 is encrypted with a password; use the apiclient_key.pem WeChat Pay issued, or the apiclient_cert.p12 file.</source>
        <translation>%1 中的私钥设置了密码；请使用微信支付下发的 apiclient_key.pem 或 apiclient_cert.p12 文件。</translation>
    </message>
    <message>
        <source>%1 is not a PEM private key (expected &quot;-----BEGIN PRIVATE KEY-----&quot;).</source>
        <translation>%1 不是 PEM 格式的私钥（应以“-----BEGIN PRIVATE KEY-----”开头）。</translation>
    </message>
    <message>
        <source>%1 does not contain a readable private key.</source>
        <translation>%1 中没有可读取的私钥。</translation>
    </message>
    <message>
        <source>The private key in %1 is not an RSA key.</source>
        <translation>%1 中的私钥不是 RSA 密钥。</translation>
    </message>
    <message>
        <source>%1 is not a PEM public key (expected &quot;-----BEGIN PUBLIC KEY-----&quot;).</source>
        <translation>%1 不是 PEM 格式的公钥（应以“-----BEGIN PUBLIC KEY-----”开头）。</translation>
    </message>
    <message>
        <source>%1 does not contain a readable public key.</source>
        <translation>%1 中没有可读取的公钥。</translation>
    </message>
    <message>
        <source>The public key in %1 is not an RSA key.</source>
        <translation>%1 中的公钥不是 RSA 密钥。</translation>
    </message>
    <message>
        <source>%1 is not an X.509 certificate.</source>
        <translation>%1 不是 X.509 证书。</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 (.p12) file.</source>
        <translation>%1 不是 PKCS#12（.p12）文件。</translation>
    </message>
    <message>
        <source>The password for %1 is wrong. WeChat Pay sets it to the merchant id (mchid).</source>
        <translation>%1 的密码错误。微信支付默认将其设为商户号（mchid）。</translation>
    </message>
    <message>
        <source>%1 could not be opened: it uses an unsupported encryption or is damaged.</source>
        <translation>无法打开 %1：加密方式不受支持，或文件已损坏。</translation>
    </message>
    <message>
        <source>%1 holds no private key.</source>
        <translation>%1 中没有私钥。</translation>
    </message>
</context>
<context>
    <name>fenzhang::KnownOrderBox</name>
    <message>
        <source>Also look up a known order (optional)</source>
        <translation>同时查询一笔已知分账单（可选）</translation>
    </message>
    <message>
        <source>Sub-merchant:</source>
        <translation>特约商户号：</translation>
    </message>
    <message>
        <source>WeChat Pay order:</source>
        <translation>微信支付订单号：</translation>
    </message>
    <message>
        <source>Profit-sharing order:</source>
        <translation>商户分账单号：</translation>
    </message>
    <message>
        <source>Proves that WeChat Pay accepts this profile&apos;s signature and that its answer verifies.</source>
        <translation>用于确认微信支付接受本配置的签名，且应答可以验签通过。</translation>
    </message>
</context>
<context>
    <name>fenzhang::Labels</name>
    <message>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>分账完成</translation>
    </message>
    <message>
        <source>Not final yet: query again later until the state is Finished.</source>
        <translation>尚未最终完成：请稍后再次查询，直到状态为“分账完成”。</translation>
    </message>
    <message>
        <source>Final: the transfers have been executed. Check each receiver&apos;s result; Finished does not mean every receiver was paid.</source>
        <translation>已是最终状态：分账已执行。请逐个查看接收方的分账结果——“分账完成”不代表每个接收方都已到账。</translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation>商户号</translation>
    </message>
    <message>
        <source>Personal OpenID (service provider&apos;s app)</source>
        <translation>个人 OpenID（服务商应用）</translation>
    </message>
    <message>
        <source>Personal OpenID (sub-merchant&apos;s app)</source>
        <translation>个人 OpenID（子商户应用）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待分账</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Receiver account abnormal</source>
        <translation>分账接收账户异常</translation>
    </message>
    <message>
        <source>Receiver relation removed</source>
        <translation>分账关系已解除</translation>
    </message>
    <message>
        <source>High-risk receiver</source>
        <translation>高风险接收方</translation>
    </message>
    <message>
        <source>Receiver not real-name verified</source>
        <translation>接收方未实名</translation>
    </message>
    <message>
        <source>Profit-sharing permission removed</source>
        <translation>分账权限已解除</translation>
    </message>
    <message>
        <source>Receiver&apos;s receipt limit reached</source>
        <translation>接收方已达收款限额</translation>
    </message>
    <message>
        <source>Payer account abnormal</source>
        <translation>分出方账户异常</translation>
    </message>
    <message>
        <source>Invalid request parameters</source>
        <translation>请求参数不合法</translation>
    </message>
    <message>
        <source>The receiver&apos;s account is abnormal (for example frozen or closed). Ask the receiver to check the account, then share again.</source>
        <translation>接收方账户异常（例如被冻结或已注销）。请接收方核实账户状态后重新发起分账。</translation>
    </message>
    <message>
        <source>There is no profit-sharing relation with this receiver. Add the receiver first (添加分账接收方), then send a new profit-sharing request.</source>
        <translation>与该接收方没有分账关系。请先添加分账接收方，再重新发起分账请求。</translation>
    </message>
    <message>
        <source>WeChat Pay&apos;s risk control refused this receiver. Share to another receiver or contact WeChat Pay support with the Request-ID.</source>
        <translation>微信支付风控拒绝了该接收方。请改为分给其他接收方，或凭 Request-ID 联系微信支付客服。</translation>
    </message>
    <message>
        <source>The receiver must complete real-name verification in WeChat, then share again.</source>
        <translation>接收方需先在微信中完成实名认证，然后重新发起分账。</translation>
    </message>
    <message>
        <source>The sub-merchant&apos;s profit-sharing authorisation was removed. Have the sub-merchant authorise profit sharing again, then share again.</source>
        <translation>子商户已解除分账授权。请子商户重新授权分账后再发起分账。</translation>
    </message>
    <message>
        <source>The receiver has reached the limit on what it may receive. Share again after the limit resets, or to another receiver.</source>
        <translation>接收方已达到收款限额。请在限额恢复后重新分账，或分给其他接收方。</translation>
    </message>
    <message>
        <source>The paying sub-merchant&apos;s account is abnormal (for example frozen). Check its status on the merchant platform.</source>
        <translation>分出方（子商户）账户异常（例如被冻结）。请在商户平台查看账户状态。</translation>
    </message>
    <message>
        <source>A parameter of the profit-sharing request (such as the description) was not accepted. Correct it and send a new request.</source>
        <translation>分账请求中的某个参数（如分账描述）未被接受。请修改后重新发起请求。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not final yet: query again later. If you send the return again, use the SAME out_return_no and the same parameters, never a new number, or funds are at risk. A return still processing after 5 days is closed as failed.</source>
        <translation>尚未最终完成：请稍后再次查询。如需重新发起回退，必须使用相同的商户回退单号（out_return_no）和相同参数，切勿换新单号，否则有资金风险。回退处理超过 5 天仍未完成的，将按失败关单。</translation>
    </message>
    <message>
        <source>Final: the amount was returned from the receiver.</source>
        <translation>已是最终状态：款项已从接收方回退。</translation>
    </message>
    <message>
        <source>Final: the return failed. See the failure reason.</source>
        <translation>已是最终状态：回退失败，请查看失败原因。</translation>
    </message>
    <message>
        <source>Original receiver&apos;s account abnormal</source>
        <translation>原分账接收方账户异常</translation>
    </message>
    <message>
        <source>Closed after timing out</source>
        <translation>超时关单</translation>
    </message>
    <message>
        <source>Original payer&apos;s account abnormal</source>
        <translation>原分账分出方账户异常</translation>
    </message>
    <message>
        <source>The account of the original receiver is abnormal. Ask the receiver to check the account before returning again.</source>
        <translation>原分账接收方账户异常。请接收方核实账户后再重新回退。</translation>
    </message>
    <message>
        <source>The return stayed processing for 5 days and was closed as failed. Check the receiver&apos;s balance, then send a new return.</source>
        <translation>回退处理 5 天仍未完成，已按失败关单。请确认接收方余额后再发起新的回退。</translation>
    </message>
    <message>
        <source>The account of the original payer (the sub-merchant) is abnormal. Check its status on the merchant platform.</source>
        <translation>原分账分出方（子商户）账户异常。请在商户平台查看账户状态。</translation>
    </message>
    <message>
        <source>A parameter of the return request (such as the description) was not accepted. Correct it and send the return again.</source>
        <translation>回退请求中的某个参数（如回退描述）未被接受。请修改后重新发起回退。</translation>
    </message>
    <message>
        <source>Parameter error</source>
        <translation>参数错误</translation>
    </message>
    <message>
        <source>Request does not follow the API rules</source>
        <translation>请求不符合接口规则</translation>
    </message>
    <message>
        <source>Signature rejected</source>
        <translation>签名错误</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>无权限</translation>
    </message>
    <message>
        <source>Record not found</source>
        <translation>记录不存在</translation>
    </message>
    <message>
        <source>Queried too often</source>
        <translation>查询过于频繁</translation>
    </message>
    <message>
        <source>WeChat Pay system error</source>
        <translation>微信支付系统错误</translation>
    </message>
    <message>
        <source>A parameter is wrong. Correct it as the error message says and query again.</source>
        <translation>参数有误。请按错误信息修改后重新查询。</translation>
    </message>
    <message>
        <source>The request does not follow the WeChat Pay APIv3 rules. Check the message and detail.</source>
        <translation>请求不符合微信支付 APIv3 规则。请查看错误信息和详情。</translation>
    </message>
    <message>
        <source>WeChat Pay could not verify the signature. Check the merchant ID, the merchant certificate serial number and that the private key belongs to that certificate.</source>
        <translation>微信支付无法验证请求签名。请检查商户号、商户证书序列号，以及私钥是否与该证书配套。</translation>
    </message>
    <message>
        <source>This merchant may not query this record. Check that sub_mchid belongs to this service provider and that profit sharing is authorised.</source>
        <translation>当前商户无权查询该记录。请确认特约商户号（sub_mchid）属于本服务商，且已授权分账。</translation>
    </message>
    <message>
        <source>No such record. Check the numbers you entered and the sub_mchid.</source>
        <translation>记录不存在。请核对输入的单号和特约商户号（sub_mchid）。</translation>
    </message>
    <message>
        <source>Too many queries. Wait a moment, then retry.</source>
        <translation>查询过于频繁。请稍候再试。</translation>
    </message>
    <message>
        <source>WeChat Pay had a temporary problem. Retry later with the same numbers.</source>
        <translation>微信支付出现临时故障。请稍后用相同的单号重试。</translation>
    </message>
    <message>
        <source>Receiver&apos;s balance not enough</source>
        <translation>分账接收方余额不足</translation>
    </message>
    <message>
        <source>The receiver&apos;s account does not hold the amount to return. Ask the receiver to top it up, then send the return again with the same out_return_no.</source>
        <translation>分账接收方账户余额不足以回退。请接收方充值后，用同一个商户回退单号（out_return_no）重新发起回退。</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>请求过于频繁</translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupController</name>
    <message>
        <source>Looking up at %1…</source>
        <translation>正在向 %1 查询…</translation>
    </message>
    <message>
        <source>Primary host unreachable — trying backup host %1…</source>
        <translation>主域名无法连接——正在尝试备用域名 %1…</translation>
    </message>
    <message>
        <source>WeChat Pay asked to slow down — retrying (attempt %1)…</source>
        <translation>微信支付提示请求过于频繁——正在重试（第 %1 次）…</translation>
    </message>
    <message>
        <source>WeChat Pay system error — retrying (attempt %1)…</source>
        <translation>微信支付系统错误——正在重试（第 %1 次）…</translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupKinds</name>
    <message>
        <source>Order</source>
        <comment>noun</comment>
        <translation>分账单</translation>
    </message>
    <message>
        <source>Profit-sharing result</source>
        <comment>page title</comment>
        <translation>分账结果查询</translation>
    </message>
    <message>
        <source>Profit-sharing result</source>
        <comment>dialog title</comment>
        <translation>分账结果</translation>
    </message>
    <message>
        <source>Profit-sharing results (orders)</source>
        <comment>batch choice</comment>
        <translation>分账结果（分账单）</translation>
    </message>
    <message>
        <source>Orders</source>
        <comment>group</comment>
        <translation>分账单</translation>
    </message>
    <message>
        <source>Orders by state:</source>
        <comment>state title</comment>
        <translation>分账单按状态统计：</translation>
    </message>
    <message>
        <source>Receivers</source>
        <comment>sheet</comment>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Profit-sharing order %1</source>
        <comment>subject</comment>
        <translation>分账单 %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n order look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>批量查询 %n 笔分账单</numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <comment>noun</comment>
        <translation>回退单</translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <comment>page title</comment>
        <translation>分账回退查询</translation>
    </message>
    <message>
        <source>Return result</source>
        <comment>dialog title</comment>
        <translation>分账回退结果</translation>
    </message>
    <message>
        <source>Profit-sharing returns</source>
        <comment>batch choice</comment>
        <translation>分账回退</translation>
    </message>
    <message>
        <source>Returns</source>
        <comment>group</comment>
        <translation>回退单</translation>
    </message>
    <message>
        <source>Returns by result:</source>
        <comment>state title</comment>
        <translation>回退单按结果统计：</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>sheet</comment>
        <translation>分账回退</translation>
    </message>
    <message>
        <source>Profit-sharing return %1</source>
        <comment>subject</comment>
        <translation>分账回退单 %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n return look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>批量查询 %n 笔分账回退</numerusform>
        </translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <comment>noun</comment>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <comment>page title</comment>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>Remaining amount to share</source>
        <comment>dialog title</comment>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>Remaining amounts (剩余待分金额)</source>
        <comment>batch choice</comment>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>Transactions</source>
        <comment>group</comment>
        <translation>交易</translation>
    </message>
    <message>
        <source>Transactions by amount still to split:</source>
        <comment>state title</comment>
        <translation>交易按剩余待分金额统计：</translation>
    </message>
    <message>
        <source>Amount</source>
        <comment>sheet</comment>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>Amount still to split of transaction %1</source>
        <comment>subject</comment>
        <translation>微信支付订单 %1 的剩余待分金额</translation>
    </message>
    <message numerus="yes">
        <source>Batch of %n remaining-amount look-up(s)</source>
        <comment>batch subject</comment>
        <translation>
            <numerusform>批量查询 %n 笔交易的剩余待分金额</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::LookupPage</name>
    <message>
        <source>There is no result to export.</source>
        <translation>没有可导出的结果。</translation>
    </message>
    <message>
        <source>Previous result, for %1 — the numbers above are being looked up…</source>
        <translation>上一次的结果（%1）— 正在查询上方的单号…</translation>
    </message>
    <message>
        <source>Previous result, for %1 — not for the numbers above. Press Enter to look them up.</source>
        <translation>上一次的结果（%1）— 不是上方单号的结果。按 Enter 查询上方单号。</translation>
    </message>
    <message>
        <source>Remaining to share (剩余待分金额)</source>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>%1 yuan (%2 fen) of payment %3, looked up at %4, Request-ID %5</source>
        <translation>微信支付订单 %3 剩余 %1 元（%2 分），查询于 %4，Request-ID %5</translation>
    </message>
    <message>
        <source>this order was looked up for another profit-sharing product; look it up again first.</source>
        <translation>这笔分账单是按另一种分账产品查询的，请先重新查询。</translation>
    </message>
    <message>
        <source>Enter %1, then press Enter.</source>
        <translation>请输入%1，然后按回车键。</translation>
    </message>
</context>
<context>
    <name>fenzhang::MainWindow</name>
    <message>
        <source>DEMO — these look-ups go to the built-in sandbox, not to WeChat Pay. The data is made up.</source>
        <translation>演示模式——查询发往内置沙箱，而非微信支付。数据均为虚构。</translation>
    </message>
    <message>
        <source>Merchant profile:</source>
        <translation>商户配置：</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy selected receivers</source>
        <translation>复制选中的接收方(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Look-up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Run look-up</source>
        <translation>执行查询(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel look-up</source>
        <translation>取消查询(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;fresh result</source>
        <translation>刷新结果(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Fenzhang Desk</source>
        <translation>关于分账查询台(&amp;A)</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>未选择配置</translation>
    </message>
    <message>
        <source>Profile: %1 (mchid %2)</source>
        <translation>配置：%1（商户号 %2）</translation>
    </message>
    <message>
        <source>[DEMO]</source>
        <translation>【演示】</translation>
    </message>
    <message numerus="yes">
        <source>Done: HTTP %1, %n attempt(s), signature verified.</source>
        <translation>
            <numerusform>查询完成：HTTP %1，请求 %n 次，签名已验证。</numerusform>
        </translation>
    </message>
    <message>
        <source>Look-up cancelled.</source>
        <translation>查询已取消。</translation>
    </message>
    <message numerus="yes">
        <source>No answer from WeChat Pay (%n attempt(s)).</source>
        <translation>
            <numerusform>微信支付无应答（已请求 %n 次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The look-up did not give a result — see the panel for why.</source>
        <translation>本次查询没有结果——原因见下方面板。</translation>
    </message>
    <message>
        <source>About Fenzhang Desk</source>
        <translation>关于分账查询台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Fenzhang Desk %1&lt;/h3&gt;&lt;p&gt;Looks up WeChat Pay profit-sharing results and returns: signed, verified, exportable.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;分账查询台 %1&lt;/h3&gt;&lt;p&gt;查询微信支付分账结果和分账回退结果：请求签名、应答验签、结果可导出。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sample numbers from the sandbox are filled in: press Enter to look them up.</source>
        <translation>已填入沙箱中的示例单号：按回车键即可查询。</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批量查询(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>查询历史(&amp;H)</translation>
    </message>
    <message>
        <source>%1 is no longer processing: %2.</source>
        <translation>%1 已不再处理中：%2。</translation>
    </message>
    <message>
        <source>Fenzhang Desk: watching PROCESSING look-ups</source>
        <translation>分账查询台：正在跟踪处理中的查询</translation>
    </message>
    <message>
        <source>Look-up final</source>
        <translation>查询已有最终结果</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>管理商户配置(&amp;M)…</translation>
    </message>
    <message>
        <source>History not saved</source>
        <translation>历史记录未保存</translation>
    </message>
    <message>
        <source>%1
Click to open the History tab.</source>
        <translation>%1
点击打开“查询历史”页。</translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s) could not be saved to the history: %1

Quit without them in the history? To keep them, stay and start a new history file on the History tab.</source>
        <translation>
            <numerusform>有 %n 条查询未能存入历史记录：%1

仍要退出、不保存这些记录吗？如需保留，请留在“查询历史”页新建历史文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出查询结果</translation>
    </message>
    <message>
        <source>Remaining amount looked up: HTTP %1, signature verified.</source>
        <translation>剩余待分金额已查到：HTTP %1，签名已验证。</translation>
    </message>
    <message>
        <source>The remaining amount could not be looked up — the line under the order says why.</source>
        <translation>未能查到剩余待分金额，原因见分账单下方的说明。</translation>
    </message>
</context>
<context>
    <name>fenzhang::MessageBox</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>fenzhang::Money</name>
    <message>
        <source>too large to add up</source>
        <translation>金额过大，无法合计</translation>
    </message>
</context>
<context>
    <name>fenzhang::OrderResultView</name>
    <message>
        <source>Profit-sharing order</source>
        <translation>分账单</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>分账接收方</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>原始应答</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), %2 yuan</source>
        <translation>
            <numerusform>%1：%n 笔，%2 元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n receiver(s), %1 yuan</source>
        <translation>
            <numerusform>合计：%n 笔，%1 元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), too large to add up</source>
        <translation>
            <numerusform>%1：%n 笔，金额过大，无法合计</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n receiver(s), too large to add up</source>
        <translation>
            <numerusform>合计：%n 笔，金额过大，无法合计</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::ProcessingBar</name>
    <message>
        <source>Not final yet: WeChat Pay is still processing.</source>
        <translation>尚未最终完成：微信支付仍在处理中。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refresh automatically until final</source>
        <translation>自动刷新直到最终状态</translation>
    </message>
    <message>
        <source>Looks again after 10 s, 30 s, 1 min, then every 5 min.</source>
        <translation>分别在 10 秒、30 秒、1 分钟后再次查询，之后每 5 分钟一次。</translation>
    </message>
    <message numerus="yes">
        <source>Next look-up in %n s</source>
        <translation>
            <numerusform>%n 秒后再次查询</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fenzhang::Products</name>
    <message>
        <source>Service provider (ordinary profit sharing)</source>
        <translation>普通服务商（普通分账）</translation>
    </message>
    <message>
        <source>Direct merchant (ordinary profit sharing)</source>
        <translation>直连商户（普通分账）</translation>
    </message>
    <message>
        <source>Chain brand profit sharing</source>
        <translation>连锁品牌分账</translation>
    </message>
    <message>
        <source>A service provider splitting its sub-merchants&apos; payments: every look-up names the sub-merchant (sub_mchid).</source>
        <translation>服务商为特约商户分账：每次查询都要填写特约商户号（sub_mchid）。</translation>
    </message>
    <message>
        <source>A merchant splitting its own payments: look-ups take no sub-merchant number.</source>
        <translation>商户为自己的订单分账：查询时不填特约商户号。</translation>
    </message>
    <message>
        <source>A service provider using chain-brand profit sharing for a brand and its stores (the brand endpoints).</source>
        <translation>服务商为品牌及其门店做连锁品牌分账（使用品牌分账接口）。</translation>
    </message>
</context>
<context>
    <name>fenzhang::Profile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>请为配置填写名称。</translation>
    </message>
    <message>
        <source>The merchant id (mchid) is missing.</source>
        <translation>缺少商户号（mchid）。</translation>
    </message>
    <message>
        <source>The merchant id (mchid) must be digits only, like 1900000001.</source>
        <translation>商户号（mchid）只能是数字，例如 1900000001。</translation>
    </message>
    <message>
        <source>Choose the merchant certificate file apiclient_cert.p12.</source>
        <translation>请选择商户证书文件 apiclient_cert.p12。</translation>
    </message>
    <message>
        <source>Choose the merchant private key file apiclient_key.pem.</source>
        <translation>请选择商户私钥文件 apiclient_key.pem。</translation>
    </message>
    <message>
        <source>Choose the merchant certificate apiclient_cert.pem (or type its serial number).</source>
        <translation>请选择商户证书 apiclient_cert.pem（或填写其序列号）。</translation>
    </message>
    <message>
        <source>The WeChat Pay public key id starts with PUB_KEY_ID_ followed by letters and digits.</source>
        <translation>微信支付公钥 ID 以 PUB_KEY_ID_ 开头，后接字母和数字。</translation>
    </message>
    <message>
        <source>Choose the WeChat Pay public key file pub_key.pem.</source>
        <translation>请选择微信支付公钥文件 pub_key.pem。</translation>
    </message>
    <message>
        <source>Type the WeChat Pay public key id (PUB_KEY_ID_…) shown next to the key.</source>
        <translation>请填写公钥旁显示的微信支付公钥 ID（PUB_KEY_ID_…）。</translation>
    </message>
    <message>
        <source>Give the WeChat Pay public key (or platform certificates) to verify answers.</source>
        <translation>请提供微信支付公钥（或平台证书），用于验证应答。</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>The timeout must be between %1 and %2 seconds.</source>
        <translation>超时时间必须在 %1 到 %2 秒之间。</translation>
    </message>
    <message>
        <source>The %1 host is missing.</source>
        <translation>缺少%1域名。</translation>
    </message>
    <message>
        <source>The %1 host is not a valid address, like https://api.mch.weixin.qq.com.</source>
        <translation>%1域名不是有效地址，应类似 https://api.mch.weixin.qq.com。</translation>
    </message>
    <message>
        <source>The %1 host must use https:// (plain http:// only on this computer).</source>
        <translation>%1域名必须使用 https://（明文 http:// 仅限本机）。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileCheckView</name>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileChecker</name>
    <message>
        <source>Merchant id (mchid)</source>
        <translation>商户号（mchid）</translation>
    </message>
    <message>
        <source>Files can be read</source>
        <translation>文件可读取</translation>
    </message>
    <message>
        <source>Private key and certificate open</source>
        <translation>私钥和证书可打开</translation>
    </message>
    <message>
        <source>Private key is RSA with at least 2048 bits</source>
        <translation>私钥为 RSA 且不少于 2048 位</translation>
    </message>
    <message>
        <source>Private key matches the certificate</source>
        <translation>私钥与证书匹配</translation>
    </message>
    <message>
        <source>Certificate serial number</source>
        <translation>证书序列号</translation>
    </message>
    <message>
        <source>WeChat Pay public key id</source>
        <translation>微信支付公钥 ID</translation>
    </message>
    <message>
        <source>WeChat Pay public key or platform certificates load</source>
        <translation>微信支付公钥或平台证书可加载</translation>
    </message>
    <message>
        <source>Not checked: an earlier check failed.</source>
        <translation>未检查：前面的检查项未通过。</translation>
    </message>
    <message>
        <source>The merchant id must be digits only, like 1900000001 (shown at the top of the merchant platform).</source>
        <translation>商户号只能是数字，例如 1900000001（显示在商户平台顶部）。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) found and readable.</source>
        <translation>
            <numerusform>找到 %n 个文件，均可读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing or unreadable: %1</source>
        <translation>缺失或无法读取：%1</translation>
    </message>
    <message>
        <source>The private key opens (no certificate given).</source>
        <translation>私钥可以打开（未提供证书）。</translation>
    </message>
    <message>
        <source>Opened; the certificate is valid until %1.</source>
        <translation>已打开；证书有效期至 %1。</translation>
    </message>
    <message>
        <source>RSA, %1 bits.</source>
        <translation>RSA，%1 位。</translation>
    </message>
    <message>
        <source>No certificate: the serial number was typed and cannot be checked here.</source>
        <translation>没有证书：序列号为手动填写，无法在此核对。</translation>
    </message>
    <message>
        <source>%1 (typed)</source>
        <translation>%1（手动填写）</translation>
    </message>
    <message>
        <source>They belong together.</source>
        <translation>二者配套。</translation>
    </message>
    <message>
        <source>The profile says %1 but the certificate&apos;s serial is %2: open and save the profile again.</source>
        <translation>配置中记录的是 %1，但证书序列号为 %2：请打开该配置并重新保存。</translation>
    </message>
    <message>
        <source>Opened.</source>
        <translation>已打开。</translation>
    </message>
    <message>
        <source>At least 2048 bits.</source>
        <translation>不少于 2048 位。</translation>
    </message>
    <message>
        <source>Without apiclient_cert.pem the serial number must be typed, in hexadecimal like 5157F09EFDC096DE15EBE81A47057A7232F1B8E1. Choosing the certificate is better: the serial is then read from it.</source>
        <translation>没有 apiclient_cert.pem 时必须手动填写序列号（十六进制，例如 5157F09EFDC096DE15EBE81A47057A7232F1B8E1）。建议选择证书文件，序列号会自动从中读取。</translation>
    </message>
    <message>
        <source>No public key id: answers are verified with platform certificates only.</source>
        <translation>没有公钥 ID：仅使用平台证书验证应答。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WeChat Pay public key id: it starts with PUB_KEY_ID_ followed by letters and digits, as shown in 商户平台 → 账户中心 → API安全.</source>
        <translation>“%1”不是微信支付公钥 ID：公钥 ID 以 PUB_KEY_ID_ 开头，后接字母和数字，可在 商户平台 → 账户中心 → API安全 中查看。</translation>
    </message>
    <message>
        <source>Answers can be verified with: %1</source>
        <translation>可用于验证应答的密钥：%1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileConnection</name>
    <message>
        <source>No merchant profile is selected.</source>
        <translation>尚未选择商户配置。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileConnector</name>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileDialog</name>
    <message>
        <source>Merchant profile</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>%1
Untick &quot;system keychain&quot; to keep only the key file&apos;s path.</source>
        <translation>%1
取消勾选“系统钥匙串”即可只保存密钥文件的路径。</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>A name you recognise, like &quot;Head office&quot;</source>
        <translation>便于识别的名称，例如“总部”</translation>
    </message>
    <message>
        <source>Service provider merchant id, like 1900000001</source>
        <translation>服务商商户号，例如 1900000001</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Merchant id (mchid):</source>
        <translation>商户号(&amp;M)（mchid）：</translation>
    </message>
    <message>
        <source>Chec&amp;k profile</source>
        <translation>检查配置(&amp;K)</translation>
    </message>
    <message>
        <source>Merchant API certificate and private key</source>
        <translation>商户 API 证书和私钥</translation>
    </message>
    <message>
        <source>apiclient_cert.p12</source>
        <translation>apiclient_cert.p12</translation>
    </message>
    <message>
        <source>apiclient_key.pem + apiclient_cert.pem</source>
        <translation>apiclient_key.pem + apiclient_cert.pem</translation>
    </message>
    <message>
        <source>Import from &amp;folder…</source>
        <translation>从文件夹导入(&amp;F)…</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Leave empty: the mchid, as WeChat Pay issues it</source>
        <translation>留空即为商户号（微信支付默认密码）</translation>
    </message>
    <message>
        <source>Certificate (.p12):</source>
        <translation>证书（.p12）：</translation>
    </message>
    <message>
        <source>p12 password:</source>
        <translation>p12 密码：</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Certificate serial:</source>
        <translation>证书序列号：</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>密钥保管：</translation>
    </message>
    <message>
        <source>No WeChat Pay files were found in %1 (apiclient_cert.p12, apiclient_key.pem, apiclient_cert.pem, pub_key.pem).</source>
        <translation>在 %1 中没有找到微信支付文件（apiclient_cert.p12、apiclient_key.pem、apiclient_cert.pem、pub_key.pem）。</translation>
    </message>
    <message>
        <source>Keep the p12 password in the system keychain</source>
        <translation>将 p12 密码保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Keep the private key in the system keychain</source>
        <translation>将私钥保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Without apiclient_cert.pem, type the serial shown in 商户平台 → 账户中心 → API安全 → API证书.</source>
        <translation>没有 apiclient_cert.pem 时，请填写 商户平台 → 账户中心 → API安全 → API证书 中显示的序列号。</translation>
    </message>
    <message>
        <source>Read from the certificate once it is chosen.</source>
        <translation>选择证书后自动读取。</translation>
    </message>
    <message>
        <source>Read from the certificate when the profile was saved (its password is in the system keychain).</source>
        <translation>已在保存配置时从证书中读取（证书密码保存在系统钥匙串中）。</translation>
    </message>
    <message>
        <source>Read from the certificate.</source>
        <translation>已从证书中读取。</translation>
    </message>
    <message>
        <source>There is already a profile named &quot;%1&quot;.</source>
        <translation>已存在名为“%1”的配置。</translation>
    </message>
    <message>
        <source>The certificate could not be read: %1</source>
        <translation>无法读取证书：%1</translation>
    </message>
    <message>
        <source>Choose the private key file to put into the keychain.</source>
        <translation>请选择要存入钥匙串的私钥文件。</translation>
    </message>
    <message>
        <source>Looking up the known order…</source>
        <translation>正在查询已知分账单…</translation>
    </message>
    <message>
        <source>A known order can be looked up</source>
        <translation>可以查询已知分账单</translation>
    </message>
    <message>
        <source>Not checked: an earlier check failed.</source>
        <translation>未检查：前面的检查项未通过。</translation>
    </message>
    <message>
        <source>Waiting for the system keychain…</source>
        <translation>正在等待系统钥匙串…</translation>
    </message>
    <message>
        <source>Profile check results</source>
        <translation>配置检查结果</translation>
    </message>
    <message>
        <source>Reads apiclient_key.pem + apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem (PUB_KEY_ID_….pem) from one folder and fills in the fields.</source>
        <translation>从一个文件夹读取 apiclient_key.pem + apiclient_cert.pem（或 apiclient_cert.p12）和 pub_key.pem（PUB_KEY_ID_….pem），并填入各字段。</translation>
    </message>
    <message>
        <source>Choose the folder with apiclient_key.pem, apiclient_cert.pem (or apiclient_cert.p12) and pub_key.pem</source>
        <translation>选择存放 apiclient_key.pem、apiclient_cert.pem（或 apiclient_cert.p12）和 pub_key.pem 的文件夹</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>分账产品(&amp;P)：</translation>
    </message>
    <message>
        <source>Look up the remaining amount (剩余待分金额) by itself when an order is finished</source>
        <translation>分账单已完成时自动查询剩余待分金额</translation>
    </message>
    <message>
        <source>Your merchant id, like 1900000001</source>
        <translation>您的商户号，如 1900000001</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileImport</name>
    <message>
        <source>No p12 file was chosen.</source>
        <translation>未选择 p12 文件。</translation>
    </message>
    <message>
        <source>No certificate file was chosen.</source>
        <translation>未选择证书文件。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileLookupCheck</name>
    <message>
        <source>A known order can be looked up</source>
        <translation>可以查询已知分账单</translation>
    </message>
    <message>
        <source>Order %1 found: WeChat Pay accepted the signature and its answer verified.</source>
        <translation>已查到分账单 %1：微信支付接受了签名，应答验签通过。</translation>
    </message>
    <message>
        <source>The known order is not valid: %1</source>
        <translation>填写的已知分账单无效：%1</translation>
    </message>
    <message>
        <source>WeChat Pay refused the signature (%1 %2): check the merchant id, the private key and that the certificate is the one in use.</source>
        <translation>微信支付拒绝了签名（%1 %2）：请检查商户号、私钥，以及证书是否为当前使用的证书。</translation>
    </message>
    <message>
        <source>WeChat Pay accepted the signature but does not know this order (%1 %2): check the numbers and the sub-merchant id.</source>
        <translation>微信支付接受了签名，但没有这笔分账单（%1 %2）：请核对单号和特约商户号。</translation>
    </message>
    <message>
        <source>WeChat Pay answered HTTP %1 %2 %3.</source>
        <translation>微信支付返回 HTTP %1 %2 %3。</translation>
    </message>
    <message>
        <source>The answer&apos;s signature did not verify: check the WeChat Pay public key and its id (or the platform certificates) for this merchant.</source>
        <translation>应答签名验证失败：请检查该商户的微信支付公钥及其 ID（或平台证书）。</translation>
    </message>
    <message>
        <source>The answer was signed by WeChat Pay but is not the answer to this question (%1); something between this computer and WeChat Pay mixed up or replayed answers.</source>
        <translation>该应答有微信支付的签名，但不是本次查询的应答（%1）；本机与微信支付之间的某个环节混淆或重放了应答。</translation>
    </message>
    <message>
        <source>WeChat Pay could not be reached: %1</source>
        <translation>无法连接微信支付：%1</translation>
    </message>
    <message>
        <source>The answer could not be read: %1</source>
        <translation>无法解析应答：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileManagerDialog</name>
    <message>
        <source>Merchant profiles</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Use as de&amp;fault</source>
        <translation>设为默认(&amp;F)</translation>
    </message>
    <message>
        <source>mchid %1</source>
        <translation>商户号 %1</translation>
    </message>
    <message>
        <source>mchid %1 — used when the app starts</source>
        <translation>商户号 %1 — 启动时默认使用</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created without the secret: %2</source>
        <translation>已创建“%1”，但未保存密钥：%2</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot;? Its key files stay where they are; a key kept in the system keychain for it is removed.</source>
        <translation>删除配置“%1”？其密钥文件保留在原处；为其保存在系统钥匙串中的密钥将被删除。</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) to %1, without keys or passwords.</source>
        <translation>
            <numerusform>已将 %n 个配置导出到 %1，不含密钥和密码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s). Check each one: keys kept in another computer&apos;s keychain are not part of an export.</source>
        <translation>
            <numerusform>已导入 %n 个配置。请逐个检查：保存在其他电脑钥匙串中的密钥不会随导出文件一起迁移。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.

%2</source>
        <translation>未从 %1 导入任何配置。

%2</translation>
    </message>
    <message>
        <source>%1 holds no profile.</source>
        <translation>%1 中没有配置。</translation>
    </message>
    <message numerus="yes">
        <source>Importing from %1 makes this app trust what follows: requests signed with these keys go to these hosts, and answers are trusted when they verify with these files. Import only what you know the origin of.

%2

Import %n profile(s)?</source>
        <translation>
            <numerusform>从 %1 导入后，本应用将信任以下内容：用这些密钥签名的请求会发往这些主机，能用这些文件验签的应答将被视为可信。请只导入来源可靠的文件。

%2

导入 %n 个配置？</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何配置。</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>商户配置列表</translation>
    </message>
    <message>
        <source>New profile from a &amp;folder…</source>
        <translation>从文件夹新建配置(&amp;F)…</translation>
    </message>
    <message>
        <source>No merchant profile yet. A profile is one service-provider account; what you need, from 商户平台 → 账户中心 → API安全:
  1. the merchant API private key and certificate: apiclient_key.pem + apiclient_cert.pem, or apiclient_cert.p12
  2. the WeChat Pay public key pub_key.pem and its ID PUB_KEY_ID_…
  3. your merchant id (mchid)
Put the files in one folder and start with &quot;New profile from a folder…&quot;.</source>
        <translation>还没有商户配置。一个配置对应一个服务商账户，需要以下内容（在 商户平台 → 账户中心 → API安全 获取）：
  1. 商户 API 私钥和证书：apiclient_key.pem + apiclient_cert.pem，或 apiclient_cert.p12
  2. 微信支付公钥 pub_key.pem 及其 ID PUB_KEY_ID_…
  3. 您的商户号（mchid）
把这些文件放在同一个文件夹里，然后点“从文件夹新建配置…”。</translation>
    </message>
    <message>
        <source>&amp;Import profiles (JSON)…</source>
        <translation>导入配置（JSON）(&amp;I)…</translation>
    </message>
    <message>
        <source>Adds profiles exported from Fenzhang Desk (a .json file, without keys or passwords). For the certificate files WeChat Pay issues, use New… → Import from folder.</source>
        <translation>添加从分账查询台导出的配置（.json 文件，不含密钥和密码）。微信支付下发的证书文件请用 新建… → 从文件夹导入。</translation>
    </message>
    <message>
        <source>E&amp;xport profile (JSON)…</source>
        <translation>导出配置（JSON）(&amp;X)…</translation>
    </message>
    <message>
        <source>Saves the selected profile as a .json file for a colleague, without keys or passwords.</source>
        <translation>把所选配置存为 .json 文件给同事使用，不含密钥和密码。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileSelector</name>
    <message>
        <source>The merchant account the look-ups are made with</source>
        <translation>用于查询的商户账号</translation>
    </message>
    <message>
        <source>No profile — start with --demo or pass connection options</source>
        <translation>无配置——请使用 --demo 启动，或传入连接参数</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileStore</name>
    <message>
        <source>The profiles are not valid JSON (%1 at byte %2).</source>
        <translation>配置文件不是有效的 JSON（第 %2 字节：%1）。</translation>
    </message>
    <message>
        <source>This is not a Fenzhang Desk profile file.</source>
        <translation>这不是分账查询台的配置文件。</translation>
    </message>
    <message>
        <source>The profile file has no valid version.</source>
        <translation>配置文件没有有效的版本号。</translation>
    </message>
    <message>
        <source>The profile file was written by a newer version of Fenzhang Desk (format %1); update the app to read it.</source>
        <translation>该配置文件由更新版本的分账查询台写入（格式 %1）；请升级应用后再读取。</translation>
    </message>
    <message>
        <source>The profile file holds an entry that is not a profile.</source>
        <translation>配置文件中有一项不是商户配置。</translation>
    </message>
    <message>
        <source>The profile file holds a profile without a name.</source>
        <translation>配置文件中有一个配置没有名称。</translation>
    </message>
    <message>
        <source>Could not read the profiles in %1: %2</source>
        <translation>无法读取 %1 中的配置：%2</translation>
    </message>
    <message>
        <source>The profiles file could not be read: %1 It was kept as %2 and the app starts without profiles.</source>
        <translation>无法读取配置文件：%1 原文件已另存为 %2，应用将在没有配置的情况下启动。</translation>
    </message>
    <message>
        <source>The profiles file %1 could not be read: %2 It could not be moved aside either; it will not be overwritten until you move it.</source>
        <translation>无法读取配置文件 %1：%2 也无法将其移走；在您手动移走之前不会覆盖它。</translation>
    </message>
    <message>
        <source>The profiles file %1 could not be read and is left untouched; move it away to save profiles.</source>
        <translation>无法读取配置文件 %1，已保持原样；请将其移走后再保存配置。</translation>
    </message>
    <message>
        <source>The profiles file %1 is not writable.</source>
        <translation>配置文件 %1 不可写。</translation>
    </message>
    <message>
        <source>Could not save the profiles to %1: %2</source>
        <translation>无法将配置保存到 %1：%2</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>请为配置填写名称。</translation>
    </message>
    <message>
        <source>There is already a profile named &quot;%1&quot;.</source>
        <translation>已存在名为“%1”的配置。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>配置“%1”已不存在。</translation>
    </message>
    <message>
        <source>The profile no longer exists.</source>
        <translation>该配置已不存在。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何配置。%1</translation>
    </message>
</context>
<context>
    <name>fenzhang::ProfileTrust</name>
    <message>
        <source>merchant certificate and private key (.p12)</source>
        <translation>商户证书和私钥（.p12）</translation>
    </message>
    <message>
        <source>merchant private key</source>
        <translation>商户私钥</translation>
    </message>
    <message>
        <source>merchant certificate</source>
        <translation>商户证书</translation>
    </message>
    <message>
        <source>WeChat Pay public key</source>
        <translation>微信支付公钥</translation>
    </message>
    <message>
        <source>WeChat Pay platform certificate</source>
        <translation>微信支付平台证书</translation>
    </message>
    <message>
        <source>extra CA (trusted for TLS besides the system&apos;s)</source>
        <translation>额外 CA（除系统 CA 外在 TLS 中信任）</translation>
    </message>
    <message>
        <source>The %1 file %2 is on another computer or a web address; keys and certificates are read only from this computer: copy the file here and choose the copy.</source>
        <translation>%1文件 %2 位于其他电脑或网址上；密钥和证书只从本机读取：请把文件复制到本机，再选择该副本。</translation>
    </message>
    <message>
        <source>%1 (mchid %2)</source>
        <translation>%1（商户号 %2）</translation>
    </message>
    <message>
        <source>  hosts: WeChat Pay&apos;s own (api.mch.weixin.qq.com, api2.mch.weixin.qq.com)</source>
        <translation>  主机：微信支付官方（api.mch.weixin.qq.com、api2.mch.weixin.qq.com）</translation>
    </message>
    <message>
        <source>  host NOT WeChat Pay&apos;s own: %1</source>
        <translation>  非微信支付官方主机：%1</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
</context>
<context>
    <name>fenzhang::QueryFields</name>
    <message>
        <source>Sub-merchant ID (sub_mchid)</source>
        <translation>特约商户号（sub_mchid）</translation>
    </message>
    <message>
        <source>e.g. 1900000109</source>
        <translation>例如 1900000109</translation>
    </message>
    <message>
        <source>the sub-merchant ID</source>
        <translation>特约商户号</translation>
    </message>
    <message>
        <source>Transaction ID (transaction_id)</source>
        <translation>微信支付订单号（transaction_id）</translation>
    </message>
    <message>
        <source>WeChat Pay order number, up to 32 digits</source>
        <translation>微信支付订单号，最多 32 位数字</translation>
    </message>
    <message>
        <source>the WeChat Pay transaction ID</source>
        <translation>微信支付订单号</translation>
    </message>
    <message>
        <source>Merchant order No. (out_order_no)</source>
        <translation>商户分账单号（out_order_no）</translation>
    </message>
    <message>
        <source>Your profit-sharing order number</source>
        <translation>贵司系统内的分账单号</translation>
    </message>
    <message>
        <source>your profit-sharing order number</source>
        <translation>商户分账单号</translation>
    </message>
    <message>
        <source>Merchant return No. (out_return_no)</source>
        <translation>商户回退单号（out_return_no）</translation>
    </message>
    <message>
        <source>Your profit-sharing return number</source>
        <translation>贵司系统内的回退单号</translation>
    </message>
    <message>
        <source>your return number</source>
        <translation>商户回退单号</translation>
    </message>
    <message>
        <source>WeChat Pay order ID (order_id)</source>
        <translation>微信分账单号（order_id）</translation>
    </message>
    <message>
        <source>WeChat Pay profit-sharing order ID</source>
        <translation>微信分账单号</translation>
    </message>
    <message>
        <source>the WeChat Pay profit-sharing order ID</source>
        <translation>微信分账单号</translation>
    </message>
    <message>
        <source>Original order identified by</source>
        <translation>原分账单的查询方式</translation>
    </message>
    <message>
        <source>the original profit-sharing order</source>
        <translation>原分账单号</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>fenzhang::QueryForm</name>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Look up (Enter or Ctrl+Enter)</source>
        <translation>查询（回车或 Ctrl+回车）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this look-up (Esc)</source>
        <translation>停止本次查询（Esc）</translation>
    </message>
    <message>
        <source>Not looked up: %1 — %2</source>
        <translation>未查询：%1 — %2</translation>
    </message>
</context>
<context>
    <name>fenzhang::RawView</name>
    <message>
        <source>Raw answer (HTTP status, headers and body)</source>
        <translation>原始应答（HTTP 状态码、响应头和正文）</translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiverDetailPane</name>
    <message>
        <source>Selected receiver</source>
        <translation>所选接收方</translation>
    </message>
    <message>
        <source>%1 yuan to %2 (%3)</source>
        <translation>%1 元 → %2（%3）</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>分账描述：%1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Failure reason: %1</source>
        <translation>失败原因：%1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>detail ID %1</source>
        <translation>明细单号 %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>处理建议：%1</translation>
    </message>
    <message>
        <source>Select a receiver to see its failure reason and what to do about it.</source>
        <translation>选中一个接收方，可查看失败原因和处理建议。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversModel</name>
    <message>
        <source>Amount (yuan)</source>
        <translation>分账金额(元)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>分账描述</translation>
    </message>
    <message>
        <source>Receiver type</source>
        <translation>接收方类型</translation>
    </message>
    <message>
        <source>Receiver account</source>
        <translation>接收方账号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>分账结果</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Detail ID</source>
        <translation>分账明细单号</translation>
    </message>
</context>
<context>
    <name>fenzhang::ReceiversPanel</name>
    <message>
        <source>Filter receivers (account, description, result…)</source>
        <translation>筛选接收方（账号、描述、结果…）</translation>
    </message>
    <message>
        <source>Copy rows as TSV</source>
        <translation>复制选中行（可粘贴到 Excel）</translation>
    </message>
    <message>
        <source>Filter receivers</source>
        <translation>筛选接收方</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>分账接收方</translation>
    </message>
</context>
<context>
    <name>fenzhang::RemainingAmountLine</name>
    <message>
        <source>Remaining to share:</source>
        <translation>剩余待分金额：</translation>
    </message>
    <message>
        <source>Asks WeChat Pay how much of this payment is still frozen for profit sharing (剩余待分金额)</source>
        <translation>向微信支付查询这笔支付还有多少资金冻结待分账（剩余待分金额）</translation>
    </message>
    <message>
        <source>not looked up yet</source>
        <translation>尚未查询</translation>
    </message>
    <message>
        <source>Look up remaining amount</source>
        <translation>查询剩余待分金额</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <source>Look up remaining amount again</source>
        <translation>重新查询剩余待分金额</translation>
    </message>
    <message>
        <source>0.00 yuan — nothing left to share (as of %1)</source>
        <translation>0.00 元 — 已无待分金额（查询于 %1）</translation>
    </message>
    <message>
        <source>%1 yuan still frozen for profit sharing (as of %2)</source>
        <translation>%1 元仍冻结待分账（查询于 %2）</translation>
    </message>
    <message>
        <source>Not known: %1</source>
        <translation>未能查到：%1</translation>
    </message>
    <message>
        <source>Not known: %1 (Request-ID %2)</source>
        <translation>未能查到：%1（Request-ID %2）</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResponseVerifier</name>
    <message>
        <source>The answer is not signed: %1 missing.</source>
        <translation>应答没有签名：缺少 %1。</translation>
    </message>
    <message>
        <source>The answer uses an unsupported signature type (%1).</source>
        <translation>应答使用了不支持的签名类型（%1）。</translation>
    </message>
    <message>
        <source>The answer carries a WeChat Pay signature probe (WECHATPAY/SIGNTEST/), not a real signature.</source>
        <translation>应答携带的是微信支付签名探测值（WECHATPAY/SIGNTEST/），而非真实签名。</translation>
    </message>
    <message>
        <source>The answer is signed with key %1, which this profile does not have. Add the current WeChat Pay public key or platform certificate.</source>
        <translation>应答使用密钥 %1 签名，但本配置中没有该密钥。请添加当前的微信支付公钥或平台证书。</translation>
    </message>
    <message>
        <source>The answer&apos;s Wechatpay-Timestamp is not a Unix time.</source>
        <translation>应答的 Wechatpay-Timestamp 不是 Unix 时间戳。</translation>
    </message>
    <message>
        <source>The answer&apos;s timestamp is %1 seconds away from this computer&apos;s clock (more than %2 allowed). Check the computer&apos;s date and time.</source>
        <translation>应答时间戳与本机时间相差 %1 秒（允许不超过 %2 秒）。请检查本机的日期和时间。</translation>
    </message>
    <message>
        <source>The answer&apos;s signature is not valid Base64.</source>
        <translation>应答签名不是有效的 Base64。</translation>
    </message>
    <message>
        <source>The answer&apos;s signature does not match its content: it may have been altered.</source>
        <translation>应答签名与内容不符：内容可能已被篡改。</translation>
    </message>
    <message>
        <source>Signature verified.</source>
        <translation>签名已验证。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultDialog</name>
    <message>
        <source>From history, looked up at %1. This is the answer as it was then; run the look-up again for the current state.</source>
        <translation>来自查询历史，查询于 %1。这是当时的应答；要看当前状态请重新查询。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultExport</name>
    <message>
        <source>There is no result to export.</source>
        <translation>没有可导出的结果。</translation>
    </message>
    <message>
        <source>Not the answer to this question: %1</source>
        <translation>不是本次查询的应答：%1</translation>
    </message>
    <message>
        <source>Cancelled before an answer came.</source>
        <translation>在收到应答前已取消。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultFacts</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n receiver(s), %2 yuan</source>
        <translation>
            <numerusform>%1：%n 笔，%2 元</numerusform>
        </translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Returned to the merchant (yuan)</source>
        <translation>解冻给商户的金额（元）</translation>
    </message>
    <message>
        <source>Finish description (finish_description)</source>
        <translation>分账完结描述（finish_description）</translation>
    </message>
    <message numerus="yes">
        <source>Receivers (%n)</source>
        <translation>
            <numerusform>分账接收方（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>分账金额（元）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>分账结果</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>分账描述</translation>
    </message>
    <message>
        <source>Return amount (yuan)</source>
        <translation>回退金额（元）</translation>
    </message>
    <message>
        <source>WeChat Pay return No. (%1)</source>
        <translation>微信回退单号（%1）</translation>
    </message>
    <message>
        <source>Returning merchant (return_mchid)</source>
        <translation>回退商户号（return_mchid）</translation>
    </message>
    <message>
        <source>Return reason (description)</source>
        <translation>回退描述（description）</translation>
    </message>
    <message>
        <source>Remaining amount</source>
        <translation>剩余待分金额</translation>
    </message>
    <message>
        <source>This money can still be shared; to release it to the merchant, unfreeze the rest (解冻剩余资金).</source>
        <translation>这部分资金仍可分账；如需给到商户，请解冻剩余资金。</translation>
    </message>
    <message>
        <source>Nothing of this payment is waiting to be shared any more.</source>
        <translation>这笔支付已没有等待分账的资金。</translation>
    </message>
    <message>
        <source>Remaining to share (yuan)</source>
        <translation>剩余待分金额（元）</translation>
    </message>
    <message numerus="yes">
        <source>%n receiver(s) not paid: %1</source>
        <translation>
            <numerusform>%n 个接收方分账失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Return result</source>
        <translation>回退结果</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultMetaBar</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the Request-ID, for a support ticket</source>
        <translation>复制 Request-ID，用于提交工单</translation>
    </message>
    <message>
        <source>Signature verified</source>
        <translation>签名已验证</translation>
    </message>
    <message>
        <source>Signature NOT verified</source>
        <translation>签名未通过验证</translation>
    </message>
    <message>
        <source>The answer carries WeChat Pay&apos;s valid signature.</source>
        <translation>该应答带有有效的微信支付签名。</translation>
    </message>
    <message>
        <source>Request-ID: %1</source>
        <translation>Request-ID：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Looked up %1</source>
        <translation>查询时间 %1</translation>
    </message>
    <message>
        <source>Copy the Request-ID</source>
        <translation>复制 Request-ID</translation>
    </message>
</context>
<context>
    <name>fenzhang::ResultState</name>
    <message>
        <source>Money still to split</source>
        <translation>仍有剩余待分金额</translation>
    </message>
    <message>
        <source>Nothing left to split</source>
        <translation>已无剩余待分金额</translation>
    </message>
</context>
<context>
    <name>fenzhang::Results</name>
    <message>
        <source>The answer has no &quot;%1&quot;.</source>
        <translation>应答中缺少“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a string.</source>
        <translation>应答中的“%1”不是字符串。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a number.</source>
        <translation>应答中的“%1”不是数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a whole number of fen: %2.</source>
        <translation>应答中的“%1”不是整数分：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is out of range: %2.</source>
        <translation>应答中的“%1”超出范围：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is negative: %2.</source>
        <translation>应答中的“%1”为负数：%2。</translation>
    </message>
    <message>
        <source>The answer is not a JSON object.</source>
        <translation>应答不是 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not an object.</source>
        <translation>应答中的“%1”不是对象。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the answer is not a list.</source>
        <translation>应答中的“%1”不是列表。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ReturnResultView</name>
    <message>
        <source>This return is still being processed. Look it up again later with the SAME merchant return No. (out_return_no) — never start a new return with a new number for the same money. A return not finished within 5 days is closed as failed.</source>
        <translation>该回退仍在处理中。请稍后使用相同的商户回退单号（out_return_no）再次查询——同一笔资金切勿换新单号重新发起回退。回退 5 天内未完成的，将按失败关单。</translation>
    </message>
    <message>
        <source>Profit-sharing return</source>
        <translation>分账回退单</translation>
    </message>
    <message>
        <source>Return amount (yuan)</source>
        <translation>回退金额(元)</translation>
    </message>
    <message>
        <source>Returning merchant (return_mchid)</source>
        <translation>回退商户号（return_mchid）</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>回退详情</translation>
    </message>
    <message>
        <source>Raw answer</source>
        <translation>原始应答</translation>
    </message>
    <message>
        <source>Failure reason: %1 (%2) — %3</source>
        <translation>失败原因：%1（%2）——%3</translation>
    </message>
    <message>
        <source>WeChat Pay return No. (%1)</source>
        <translation>微信回退单号（%1）</translation>
    </message>
    <message>
        <source>Return reason (description)</source>
        <translation>回退描述（description）</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>fenzhang::SecretStore</name>
    <message>
        <source>Checking the system keychain…</source>
        <translation>正在检查系统钥匙串…</translation>
    </message>
    <message>
        <source>Private keys and p12 passwords are kept in the system keychain.</source>
        <translation>私钥和 p12 密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Secrets are not stored: the key file is read from its path when needed, and a p12 password other than the mchid is asked each time.</source>
        <translation>系统钥匙串不可用（%1）。不会保存任何密钥：需要时从原路径读取密钥文件；若 p12 密码不是商户号，每次都会询问。</translation>
    </message>
    <message>
        <source>Could not store the secret in the system keychain: %1</source>
        <translation>无法将密钥存入系统钥匙串：%1</translation>
    </message>
    <message>
        <source>The system keychain holds no secret for this profile; choose the key file again.</source>
        <translation>系统钥匙串中没有该配置的密钥；请重新选择密钥文件。</translation>
    </message>
    <message>
        <source>Could not read the secret from the system keychain: %1</source>
        <translation>无法从系统钥匙串读取密钥：%1</translation>
    </message>
    <message>
        <source>Could not remove the secret from the system keychain: %1</source>
        <translation>无法从系统钥匙串删除密钥：%1</translation>
    </message>
    <message>
        <source>Could not copy the secret in the system keychain: %1</source>
        <translation>无法在系统钥匙串中复制密钥：%1</translation>
    </message>
</context>
<context>
    <name>fenzhang::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Refresh PROCESSING results automatically</source>
        <translation>自动刷新“处理中”的结果</translation>
    </message>
    <message>
        <source>A new language applies the next time the app starts.</source>
        <translation>语言设置将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>fenzhang::StoreConnectionProvider</name>
    <message>
        <source>The private key of &quot;%1&quot; is still being read from the system keychain; try again in a moment.</source>
        <translation>正在从系统钥匙串读取“%1”的私钥，请稍候再试。</translation>
    </message>
</context>
<context>
    <name>fenzhang::Validation</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Digits only.</source>
        <translation>只能填数字。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n digits.</source>
        <translation>
            <numerusform>最多 %n 位数字。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only letters, digits and _ - | * @ are allowed.</source>
        <translation>只能包含字母、数字和 _ - | * @。</translation>
    </message>
    <message>
        <source>At most 64 characters.</source>
        <translation>最多 64 个字符。</translation>
    </message>
    <message>
        <source>Enter order_id or out_order_no, not both.</source>
        <translation>微信分账单号（order_id）和商户分账单号（out_order_no）只能填一个。</translation>
    </message>
    <message>
        <source>Enter either order_id or out_order_no.</source>
        <translation>请填写微信分账单号（order_id）或商户分账单号（out_order_no）。</translation>
    </message>
    <message>
        <source>A direct merchant&apos;s look-ups take no sub_mchid.</source>
        <translation>直连商户查询时不填特约商户号（sub_mchid）。</translation>
    </message>
    <message>
        <source>Only chain-brand returns can be looked up by order_id: enter out_order_no.</source>
        <translation>只有连锁品牌分账的回退可按微信分账单号（order_id）查询，请填写商户分账单号（out_order_no）。</translation>
    </message>
</context>
<context>
    <name>fenzhang::WechatPaySettingsWidget</name>
    <message>
        <source>WeChat Pay public key (verifies answers)</source>
        <translation>微信支付公钥（用于验证应答）</translation>
    </message>
    <message>
        <source>Optional, one file per line (older accounts without a public key)</source>
        <translation>可选，每行一个文件（适用于没有公钥的老账户）</translation>
    </message>
    <message>
        <source>Public key id:</source>
        <translation>公钥 ID：</translation>
    </message>
    <message>
        <source>Public key file:</source>
        <translation>公钥文件：</translation>
    </message>
    <message>
        <source>Platform certificates:</source>
        <translation>平台证书：</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Empty: no backup host</source>
        <translation>留空：不使用备用域名</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Optional: an extra trusted CA (company proxy)</source>
        <translation>可选：额外信任的 CA（如公司代理）</translation>
    </message>
    <message>
        <source>Primary host:</source>
        <translation>主域名：</translation>
    </message>
    <message>
        <source>Backup host:</source>
        <translation>备用域名：</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Extra CA:</source>
        <translation>额外 CA：</translation>
    </message>
</context>
<context>
    <name>fenzhang::XlsxWriter</name>
    <message>
        <source>A cell holds more than %1 characters, more than a workbook cell can.</source>
        <translation>某个单元格超过 %1 个字符，超出了工作簿单元格的容量。</translation>
    </message>
    <message>
        <source>Could not create a temporary file for the workbook: %1</source>
        <translation>无法为工作簿创建临时文件：%1</translation>
    </message>
    <message>
        <source>Could not add the sheet &quot;%1&quot;.</source>
        <translation>无法添加工作表“%1”。</translation>
    </message>
    <message>
        <source>More than %1 rows do not fit in a workbook; export CSV instead.</source>
        <translation>工作簿最多容纳 %1 行；请改为导出 CSV。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>没有应答</translation>
    </message>
    <message numerus="yes">
        <source>all %n answer(s) verified</source>
        <translation>
            <numerusform>全部 %n 个应答签名已验证</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n answer(s) verified</source>
        <translation>
            <numerusform>%n 个应答中 %1 个签名已验证</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>商户配置</translation>
    </message>
    <message>
        <source>Merchant ID (mchid)</source>
        <translation>商户号（mchid）</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Signatures verified</source>
        <translation>签名验证</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amounts are numbers (yuan with two decimals, fen as integers); an amount too large for a spreadsheet to hold exactly (over 15 digits) is written as text.</source>
        <translation>金额为数字（元保留两位小数，分为整数）；超过 15 位、电子表格无法精确保存的金额以文本写入。</translation>
    </message>
    <message>
        <source>IDs</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Every ID is a text cell holding exactly WeChat Pay&apos;s digits.</source>
        <translation>所有单号均为文本单元格，与微信支付返回的数字完全一致。</translation>
    </message>
    <message>
        <source>Could not write the workbook&apos;s temporary file: %1</source>
        <translation>无法写入工作簿的临时文件：%1</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is too large for a workbook (over 2 GB of cells); export CSV instead.</source>
        <translation>工作表“%1”太大，无法写入工作簿（单元格超过 2 GB），请改为导出 CSV。</translation>
    </message>
</context>
<context>
    <name>fenzhang::ZipWriter</name>
    <message>
        <source>No output device.</source>
        <translation>没有可写入的输出设备。</translation>
    </message>
    <message>
        <source>The file would be larger than 4 GB; export CSV instead.</source>
        <translation>文件将超过 4 GB，请改为导出 CSV。</translation>
    </message>
    <message>
        <source>Could not write &quot;%1&quot;.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>Could not compress &quot;%1&quot;.</source>
        <translation>无法压缩“%1”。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: %1</source>
        <translation>内置沙箱无法启动：%1</translation>
    </message>
    <message>
        <source>Fenzhang Desk</source>
        <translation>分账查询台</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>商户配置</translation>
    </message>
</context>
</TS>
