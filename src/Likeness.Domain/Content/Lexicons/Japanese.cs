using static Likeness.Domain.Content.Lexicons.Categories;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>
/// The Japanese lexicon. Japanese is written without spaces, so a phrase matches anywhere in the text; single kanji
/// with other senses in common words are left out or covered by neutral phrases (神 in 神対応 or 神戸, がん in
/// がんばって, テロ in テロップ, 血 in 血液型).
/// </summary>
internal static class Japanese
{
    public static readonly Lexicon Value = new("ja", Spaced: false,
    [
        (Political, "選挙"), (Political, "投票"), (Political, "候補者"), (Political, "議員"), (Political, "政治"), (Political, "政党"), (Political, "国会"), (Political, "首相"),
        (Political, "大統領"), (Political, "総理"), (Political, "与党"), (Political, "野党"), (Political, "政権"), (Political, "法案"), (Political, "プロパガンダ"),
        (Political, "一票"), (Political, "市長選"), (Political, "知事選"), (Political, "政策"),

        (Sexual, "セックス"), (Sexual, "性行為"), (Sexual, "性的"), (Sexual, "エロ"), (Sexual, "ポルノ"), (Sexual, "アダルト"), (Sexual, "官能"), (Sexual, "誘惑"),
        (Sexual, "喘"), (Sexual, "ランジェリー"), (Sexual, "ストリップ"), (Sexual, "一夜を共に"), (Sexual, "ベッドを共に"), (Sexual, "性交"),

        (Nudity, "裸"), (Nudity, "ヌード"), (Nudity, "トップレス"), (Nudity, "服を脱"), (Nudity, "脱衣"),

        (Religious, "神様"), (Religious, "神に"), (Religious, "神の"), (Religious, "神社"), (Religious, "教会"), (Religious, "祈り"), (Religious, "祈る"), (Religious, "祈っ"),
        (Religious, "モスク"), (Religious, "寺院"), (Religious, "お寺"), (Religious, "聖書"), (Religious, "コーラン"), (Religious, "説教"), (Religious, "礼拝"), (Religious, "イエス"),
        (Religious, "キリスト"), (Religious, "アッラー"), (Religious, "仏陀"), (Religious, "ブッダ"), (Religious, "僧侶"), (Religious, "牧師"), (Religious, "神父"), (Religious, "宗教"),
        (Religious, "信仰"), (Religious, "アーメン"), (Religious, "洗礼"), (Religious, "布教"), (Religious, "信者"),

        (Medical, "医薬品"), (Medical, "治療"), (Medical, "治す"), (Medical, "完治"), (Medical, "処方"), (Medical, "薬局"), (Medical, "サプリ"), (Medical, "癌"), (Medical, "がん治療"),
        (Medical, "糖尿病"), (Medical, "うつ病"), (Medical, "臨床"), (Medical, "医師"), (Medical, "副作用"), (Medical, "錠剤"), (Medical, "鎮痛剤"), (Medical, "抗生物質"),
        (Medical, "ワクチン"), (Medical, "診断"), (Medical, "症状"), (Medical, "手術"), (Medical, "病気"), (Medical, "感染"), (Medical, "血圧"), (Medical, "コレステロール"),
        (Medical, "抗がん剤"), (Medical, "効く薬"), (Medical, "飲み薬"), (Medical, "薬を"), (Medical, "薬で"), (Medical, "薬が"), (Medical, "医者"),

        (Financial, "仮想通貨"), (Financial, "暗号資産"), (Financial, "ビットコイン"), (Financial, "投資"), (Financial, "融資"), (Financial, "ローン"), (Financial, "株式投資"),
        (Financial, "株価"), (Financial, "株を買"), (Financial, "トレード"), (Financial, "住宅ローン"), (Financial, "金利"), (Financial, "利回り"), (Financial, "不労所得"),
        (Financial, "資産運用"), (Financial, "配当"), (Financial, "借金"), (Financial, "ＦＸ"), (Financial, "fx取引"), (Financial, "儲か"),

        (Violence, "殺す"), (Violence, "殺し"), (Violence, "殺さ"), (Violence, "殺人"), (Violence, "殺害"), (Violence, "殺され"), (Violence, "刺す"), (Violence, "刺し"),
        (Violence, "刺さ"), (Violence, "血"), (Violence, "拷問"), (Violence, "暴行"), (Violence, "襲撃"), (Violence, "撃つ"), (Violence, "撃ち"), (Violence, "射殺"),
        (Violence, "銃撃"), (Violence, "発砲"), (Violence, "斬首"), (Violence, "虐殺"), (Violence, "絞め"), (Violence, "殴る"), (Violence, "殴っ"), (Violence, "殴ら"),
        (Violence, "死体"), (Violence, "遺体"), (Violence, "暴力"), (Violence, "爆弾"), (Violence, "爆破"), (Violence, "テロ"), (Violence, "人質"), (Violence, "誘拐"),
        (Violence, "強姦"), (Violence, "レイプ"), (Violence, "負傷"), (Violence, "処刑"), (Violence, "惨殺"),

        (Hate, "人種差別"), (Hate, "差別主義"), (Hate, "ナチ"), (Hate, "民族浄化"), (Hate, "劣等民族"), (Hate, "国へ帰れ"), (Hate, "国に帰れ"), (Hate, "ヘイトスピーチ"),
        (Hate, "外国人排斥"), (Hate, "同性愛嫌悪"), (Hate, "反ユダヤ"), (Hate, "ジェノサイド"), (Hate, "白人至上"), (Hate, "優生"),

        (Drugs, "コカイン"), (Drugs, "ヘロイン"), (Drugs, "覚醒剤"), (Drugs, "覚せい剤"), (Drugs, "シャブ"), (Drugs, "麻薬"), (Drugs, "大麻"), (Drugs, "マリファナ"),
        (Drugs, "エクスタシー"), (Drugs, "ＭＤＭＡ"), (Drugs, "mdma"), (Drugs, "フェンタニル"), (Drugs, "薬物"), (Drugs, "密売"), (Drugs, "売人"), (Drugs, "過剰摂取"),
        (Drugs, "オーバードーズ"), (Drugs, "カルテル"), (Drugs, "違法薬物"), (Drugs, "ドラッグ"),

        (Minors, "未成年"), (Minors, "児童"), (Minors, "小学生"), (Minors, "中学生"), (Minors, "女子高生"), (Minors, "幼い少女"), (Minors, "少女"), (Minors, "児童労働"),
        (Minors, "少年兵"), (Minors, "歳の女の子"), (Minors, "歳の男の子"), (Minors, "子役"), (Minors, "子供がお酒"), (Minors, "子どもがお酒"),
        (Political, "公約"), (Political, "の党"), (Political, "党の"),
        (Sexual, "愛し合"), (Sexual, "イきそう"), (Sexual, "あえぎ"), (Sexual, "大人のおもちゃ"), (Sexual, "夜の生活"), (Sexual, "服を脱がせ合"), (Sexual, "ベッドに倒れ込"), (Sexual, "寝たい"), (Sexual, "体を重ね"), (Sexual, "セクシー"),
        (Nudity, "服を全部脱"), (Nudity, "何も身につけていない"), (Nudity, "裸のまま"),
        (Religious, "お経"), (Religious, "ご本尊"), (Religious, "供養"), (Religious, "手を合わせ"),
        (Financial, "老後資金"), (Financial, "インデックスファンド"), (Financial, "暴落"),
        (Violence, "銃を渡され"), (Violence, "前線へ"), (Violence, "殴りつけ"), (Violence, "撃ち殺"),
        (Hate, "害虫"), (Hate, "叩き出せ"), (Hate, "民族こそが優れ"), (Hate, "混血"), (Hate, "血を汚す"), (Hate, "ネズミみたいに増える"), (Hate, "寄生虫"), (Hate, "同性愛者は病気"), (Hate, "まともな人間に近づけるな"), (Hate, "女は頭が悪い"), (Hate, "台所にいれば"), (Hate, "劣等人種"), (Hate, "生きる価値はない"), (Hate, "汚い動物"),
        (Drugs, "ジョイント"), (Drugs, "キメよう"), (Drugs, "運び屋"),
        (Minors, "十三歳の少年"), (Minors, "十歳の子ども"), (Minors, "十四歳の少女"), (Minors, "歳の少年"), (Minors, "歳の子ども"), (Minors, "歳の子供"), (Minors, "秘密の遊び"), (Minors, "お父さんとお母さんには内緒"), (Minors, "キッズのみんな"), (Minors, "ママのクレジットカード"),
    ],
    [
        "神対応", "神ゲー", "神曲", "神回", "神戸", "神奈川", "神田", "神経", "精神", "神秘", "なんてこと", "がんば", "テロップ", "血液型", "献血", "血統書",
        "殺し文句", "悩殺", "裸足", "裸眼", "赤裸々", "人気投票", "お気に入りに投票", "ファン投票", "総選挙", "火薬", "目薬", "薬味", "ドラッグストア",
        "トレードマーク", "トレードオフ", "キャンペーン", "株式会社", "撃ち上げ", "刺身", "教会音楽の", "少女漫画", "少年ジャンプ",
        "に投票しよう", "歌手に投票", "高血圧", "降圧剤",
    ]);
}
