namespace Kinerja.Api.WebConsole;

/// <summary>The console's one stylesheet, served from <c>/console/console.css</c> so the pages need no inline style (the CSP allows none).</summary>
internal static class ConsoleStyle
{
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#f6f6f4}
        a{color:#0b4f8a}
        a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #b35c00;outline-offset:2px}
        .skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:1}
        header{background:#123b5c;color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center}
        header a{color:#fff}header .brand{font-weight:700;font-size:17px;color:#fff;text-decoration:none}
        header nav ul{list-style:none;margin:0;padding:0;display:flex;gap:16px}
        header .who{margin-left:auto;display:flex;gap:12px;align-items:center}
        header button{background:#fff;color:#123b5c;border:0;padding:4px 10px;border-radius:3px;cursor:pointer}
        main{max-width:1300px;margin:0 auto;padding:12px 16px 40px}
        h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:24px 0 8px;border-bottom:2px solid #d5d5d0;padding-bottom:4px}
        h3{font-size:16px;margin:16px 0 6px}
        .note{color:#4a4a4a;font-size:13px}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px 24px}
        .card{background:#fff;border:1px solid #d5d5d0;border-radius:4px;padding:12px 16px}.card h2{margin-top:0}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dt{font-weight:600}dd{margin:0}
        form.inline{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;margin:8px 0}
        form.inline .field{display:flex;flex-direction:column}form.inline label{font-size:13px;font-weight:600}
        input,select{font:inherit;padding:4px 6px;border:1px solid #6b6b6b;border-radius:3px;background:#fff;color:#1a1a1a}
        button,.button{font:inherit;background:#0b4f8a;color:#fff;border:0;border-radius:3px;padding:6px 12px;cursor:pointer;text-decoration:none;display:inline-block}
        .table{overflow-x:auto;background:#fff;border:1px solid #d5d5d0;border-radius:4px}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #e2e2de}
        th{background:#eef1f4;font-weight:600}
        td.num,th.num{text-align:right}td.time{white-space:nowrap}
        pre{margin:4px 0 0;white-space:pre-wrap;word-break:break-word;font-size:12px;max-width:520px}
        .mark{display:inline-block;background:#7a3e00;color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;font-weight:600}
        .ok{color:#1b4332;font-weight:700}.bad{color:#a4161a;font-weight:700}
        tr.late td{background:#fff4e5}
        .chart{max-width:760px;background:#fff;border:1px solid #d5d5d0;border-radius:4px}
        .pager{margin:6px 0}
        """;
}
