namespace Observatory.Analysis.Sentiment.Lexicon;

internal static partial class SentimentLexiconData
{
    /// <summary>Descriptive vocabulary: words that judge people, things and situations, beyond the core emotions.</summary>
    public const string Descriptive = """
        # Judging people and behaviour: negative
        -3.0 barbaric deplorable depraved inhumane gruesome terror{,ism,ist,ists}
        -2.8 excruciating malicious{,ly} calamit{y,ies,ous} torment{,s,ed,ing} trauma{,s,tic,tized,tised}
        -2.5 bully{,ing} bullied bullies harass{,ed,es,ing,ment} obnoxious oppress{,ed,ive,ion} sabotage{,d} spiteful destroy{,s,ed,ing} destruction destructive deranged egregious
        -2.2 acrimon{y,ious} animosity belittl{e,ed,es,ing} berate{,d} callous bankrupt{,cy} dejected demoraliz{ed,ing} demoralis{ed,ing} desperation filthy hypocrite{,s} hypocritical hypocrisy inept manipulat{e,ed,ive,ion,ing} offensive{,ly} obscene scorn{,ed,ful} slander vengeful vindictive wreck{,ed,age} downfall
        -2.0 afflict{ed,ion} aggrieved antagoniz{e,ed,ing} antagonis{e,ed,ing} antagonistic condescend coward{,ly,s,ice} crippl{e,ed,ing} crook{,s,ed} demotivat{ed,ing} desperate{,ly} detrimental devious dysfunctional enem{y,ies} forlorn havoc inconsiderate insensitive insolent offend{,ed,ing,s} perverse poverty revenge savage sinful stink{,s,y} suffocat{e,ed,ing} turmoil uncaring violat{e,ed,es,ing} battered
        -1.8 accusatory alienat{e,ed,ing} bummed bummer coerc{e,ed,ion} damag{e,ed,es,ing} delusion{,al,s} dreary foolish{,ly} fool{,s,ed} futile futility grievance{,s} harsh{,ly,ness} incoherent insincere intolerant lifeless melancholy mock{,ed,ing,ery,s} morbid notorious overbearing pessimis{m,tic} plight pompous pretentious shabby tainted unnerv{e,ed,ing} unwell violation{,s} vulgar worn_out yell{,s,ed,ing} combative vex{ed,ing} victim{,s}
        -1.5 abrasive adverse{,ly} adversity aversion confrontational delinquent erratic frantic frown{,s,ed,ing} illegal illogical inefficien{t,tly,cy} insecure irrational monotonous overrated paranoid pollut{e,ed,ion} rebuke scream{,s,ed,ing} sketchy smelly sneaky stingy stubborn{,ly} tacky unfavorable unfavourable unforgiving unmotivated unqualified unrest unemployed underpaid ailing
        -1.2 apprehensive contradictory distort{,ed,ion} gullible haunt{ed,ing} hinder{,s,ed} hindrance impair{,ed} impatient{,ly} impractical improper{,ly} incompatible inconsistent{,ly} inconsistenc{y,ies} inflexible lethargic questionable shaky shallow shortcoming{,s} snarky spoiled superficial unconvincing undeserved uninformed unwilling{,ly} sarcastic debt
        -1.0 averse boastful brash clingy complacent defensive indecisive insignificant needy noisy obsessive overlooked overreact{,ed,ing,s} rigid rough stale untidy unpaid vain timid deadlock jittery
        -0.8 contradict{,s,ed,ion,ions} imperfect naive unfinished
        -1.2 negative{,ly}
        -2.0 negativity
        -0.5 naughty unimportant

        # Judging people and behaviour: positive
        2.8 exemplary exhilarat{ed,ing} glorious{,ly} invaluable rapturous rejoic{e,ed,es,ing} sensational wondrous
        2.5 affection{,ate,ately} dazzling enchanting enthralling mesmerizing mesmerising scrumptious tremendous yummy
        2.2 acclaim{,ed} beaming benevolent divine endearing enchanted gratifying groundbreaking heartfelt idyllic majestic pleasurable resplendent selfless{,ly} glory
        2.0 altruistic amiable attractive{,ly} charismatic compliment{,s,ed,ing} considerate devoted eloquent{,ly} exalted good_natured graceful{,ly} gratified handsome hospitable jovial laudable luxurious memorable noble picturesque pristine rejuvenat{e,ed,ing} romantic spotless supreme tasty virtuous visionary vivacious wholehearted{,ly} awe
        1.8 amicabl{e,y} appealing astute bountiful carefree charitable congenial conscientious cordial{,ly} dedication desirable diligent{,ly} diligence distinguished enrich{,ed,es,ing} fearless fruitful hardworking hard_working illuminating meaningful{,ly} meticulous{,ly} nurturing renowned resourceful revitaliz{e,ed,ing} revolutionary soulful steadfast stimulating stylish truthful
        1.5 abundant abundance adept adventurous alluring ardent articulate bubbly complimentary constructive cutting_edge dedicated eminent enticing gallant genial grace grand hospitality inviting luminous luxury nourishing obliging optimal perceptive plentiful rosy savvy sophisticated spirited striking sympathetic tender zest zeal
        1.2 assure{,d} authentic colorful colourful committed convincing{,ly} credible decisive determined diplomatic ethical famous humble impartial judicious legit lucid mighty mindful persuasive poised popular pure refined shiny swift{,ly} timely vigorous
        1.0 careful{,ly} quaint transparency righteous agile cohesive
        0.8 feasible mature modest pragmatic prominent transparent valid
        2.0 cheer{,ed,ing} succulent
        """;
}
