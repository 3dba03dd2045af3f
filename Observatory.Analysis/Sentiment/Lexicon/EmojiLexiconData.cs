namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// Valences (−4..+4) of emoji and ASCII emoticons, written by the team. (Emoticons are the ones starting with a
/// symbol; the letter-only "xD" is an ordinary lexicon word.) Emoji are keyed by their first code point,
/// so skin-tone modifiers, variation selectors (U+FE0F) and zero-width joiners that follow are simply skipped:
/// "👍🏽" counts as "👍", "🤦‍♂️" as "🤦". Emoticons are matched case-insensitively as a whole whitespace-separated
/// chunk (so "http://x" never reads as ":/"), after stripping trailing . , ! ? and collapsing a repeated last
/// character (":)))" → ":)").
/// </summary>
internal static class EmojiLexiconData
{
    public const string Emoji = """
        # Faces
        3.0 🥰 😍 🤩 🥳
        2.6 😄 😊
        2.5 😀 😃 🤣 😘 🤗
        2.4 😁
        2.3 😆
        2.0 😇 😋 😎 ☺ 😚 🥹
        1.8 😂 😙 😌
        1.5 😉 😗 😜 🤠
        1.3 🙂
        1.2 😛 😝 🤪
        1.0 😅 🤑 🤭 🫡
        0.8 🤓
        0.5 🥲 🤤 🤯
        -0.3 🙃 😐 😏
        -0.5 😴 🥺 😈 🤷
        -0.8 🤨 😑 😳 🥴
        -1.0 😬 😷 🤧 🥵 🥶 🥱 🫠 🫤 🙀
        -1.2 😪
        -1.3 😕
        -1.5 🤥 🤒 🤕 😵 😦 😥 😓 🤡 ☠ 🙅
        -1.8 😔 😟 🙁 😧 😣 🙄
        -2.0 😒 😖 😤 👿 💩 🤦 😿 😾
        -2.2 ☹ 😨 😰 😢 😞 😩 😫
        -2.3 😭 😱
        -2.5 🤢
        -2.7 😠
        -3.0 🤮 😡
        -3.2 🤬
        # Hearts and cats
        3.0 ❤ 💕 💞 💖
        2.8 🧡 💛 💚 💙 💜 💓 💗 💝 😻 🫶
        2.5 🤍 🤎 ❣ 💘
        2.0 😺 😸
        1.8 😹
        1.0 🖤
        -2.8 💔
        # Hands and gestures
        2.5 🙌
        2.2 👏
        2.0 👍 💪
        1.8 🤝 👌
        1.5 🙏 ✌ 🤙
        1.0 🤞 🙆
        0.5 👋
        -2.0 👎
        -3.0 🖕
        # Symbols and objects
        2.8 🎉
        2.5 🎊 🏆 🥇 🌟 💯
        2.2 💐
        2.0 ⭐ ✨ 🥂 🍾 🌈 🌞 🌹 🎁 🎂 🚀
        1.8 🌸
        1.5 🔥 ✅ ☀ 🆒
        1.2 ✔ 📈
        1.0 ☑ 🆗
        -1.0 ✖ ⚠ ⛈ 🐛
        -1.2 📉
        -1.5 ❌ 🚫 ⛔
        -2.0 💢
        """;

    public const string Emoticons = """
        2.8 :d :-d =d <3
        2.5 :))
        2.0 :) :-) (: =) ;d :* ^_^ ^-^
        1.8 :] ^^
        1.5 ;) ;-)
        1.2 :p :-p ;p
        -0.5 :| :-|
        -1.0 :/ :-/ :\ :-\
        -1.2 -_- -.-
        -1.8 :[ :c
        -2.0 :( :-( ): =(
        -2.2 ;_;
        -2.4 :'( :'-(
        -2.5 :(( </3
        -2.8 >:( >:-(
        """;
}
