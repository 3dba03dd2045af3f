namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// Words that change the valence of their neighbours instead of carrying one. Each line: a role, then words (same
/// <c>{,}</c> and <c>_</c> notation as <see cref="SentimentLexiconData"/>). A number as the role is a booster scalar,
/// added to (or, when negative, taken from) the magnitude of a sentiment word up to three tokens later — VADER's
/// ±0.293, larger for the strongest intensifiers. A word may also carry its own valence in the lexicon ("terribly",
/// "damn"): it counts as a booster when a sentiment word follows within three tokens, as a sentiment word otherwise.
/// </summary>
internal static class SentimentModifierData
{
    public const string Lines = """
        # Intensifiers
        0.4 extremely incredibly insanely ridiculously unbelievably tremendously immensely enormously exceedingly extraordinarily absurdly
        0.293 very really so too super totally completely absolutely awfully terribly truly seriously especially particularly utterly fully
        # A stance adverb, not praise: "honestly" is no form of "honest" ("Honestly, this is ridiculous.").
        0.293 honestly
        0.293 entirely hugely massively remarkably exceptionally amazingly deeply highly thoroughly majorly mega ultra uber hella way
        0.293 fucking fuckin freaking frickin friggin fricking bloody damn wildly so_much
        0.2 much more most such even definitely genuinely crazy
        0.15 pretty simply
        # Diminishers
        -0.293 slightly somewhat kind_of kinda sort_of sorta a_bit a_little a_tad mildly moderately partly partially marginally
        -0.293 occasionally little less almost nearly
        -0.15 fairly relatively mostly
        -0.1 rather

        # Negators: flip (×−0.74) a sentiment word up to three tokens later in the same clause. Any word ending in
        # "n't" is a negator too, so only apostrophe-less spellings need listing.
        negate not no never none nobody nothing nowhere neither nor without cannot least
        negate cant dont doesnt didnt isnt wasnt arent werent wont wouldnt shouldnt couldnt havent hasnt hadnt aint mustnt neednt
        negate hardly barely scarcely rarely seldom anything_but far_from by_no_means not_even no_longer
        # Negated opinion verbs reach past the usual window: "I don't think this is good" negates "good".
        negate don't_think dont_think do_not_think didn't_think don't_believe do_not_believe don't_feel doesn't_seem
        negate didn't_seem does_not_seem wouldn't_say would_not_say don't_find

        # Phrases that contain a negator or contrast word but neither negate nor contrast.
        neutral at_least not_only not_just nothing_but never_mind no_matter no_wonder but_also all_but

        # Known-neutral frequent words: found on the first lookup instead of going through the inflection fallbacks.
        neutral the a an and or of to in on at by for from with as is was are were be been being am it its it's this
        neutral that these those there here i you he she we they me him us them my your his our their what which who
        neutral whom whose where why do does did doing done have has had having can could would should will shall may
        neutral might must if then than so_that also about into over under after before while during until up down out
        neutral off some any each every all both few many other such only own same now today tomorrow yesterday time
        neutral one two three get gets got getting go goes going went make makes made know knows think thinks see
        neutral sees saw want wants need needs use uses used using try tries tried trying say says said tell told ask
        neutral asked let lets please just yet still because since via per etc order orders account
        neutral email message messages user users customer customers agent team today's i'm i've i'll i'd you're
        neutral you've you'll we're we've we'll they're that's there's what's it'll let's he's she's
        neutral app{,s} application{,s} website{,s} site{,s} page{,s} button{,s} click{,s,ed} link{,s} file{,s} folder{,s}
        neutral code line{,s} method{,s} class{,es} variable{,s} value{,s} data database{,s} server{,s} client{,s}
        neutral request{,s} response{,s} api key{,s} token{,s} password{,s} login log{,s,ged} setting{,s} option{,s} menu
        neutral screen{,s} window{,s} browser phone{,s} device{,s} computer laptop version{,s} update{,s,d} download{,s,ed}
        neutral upload{,s,ed} system{,s} network internet connection wifi address number{,s} name{,s} date{,s} week{,s}
        neutral month{,s} year{,s} day{,s} hour{,s} minute{,s} second{,s} morning evening night price{,s} cost{,s} plan{,s}
        neutral subscription{,s} payment{,s} card{,s} bank invoice{,s} bill{,s} billing charge{,s,d} shipping delivery
        neutral package{,s} product{,s} item{,s} service{,s} company store shop ticket{,s} case{,s} question{,s} thing{,s}
        neutral something anything everything someone anyone everyone people person team manager support department
        neutral office home job project{,s} task{,s} step{,s} process result{,s} report{,s} test{,s,ed} example{,s}
        neutral document{,s} docs documentation text word{,s} language model{,s} prompt{,s} chat conversation information
        neutral info detail{,s} list table image{,s} picture photo{,s} video{,s} feature{,s} change{,s,d} release build
        neutral deploy{,ed} check{,s,ed,ing} send{,s,ing} sent look{,s,ed,ing} find{,s} found call{,s,ed,ing} wait{,ing,ed}
        neutral come came give gave take took put set keep kept seem{,s,ed} add{,ed} remove{,d} delete{,d} create{,d} reset
        neutral restart{,ed} write wrote read type{,d} enter{,ed} select{,ed} choose chose follow{,ed} contact{,ed} reach
        neutral mean{,s} meant already actually basically currently probably maybe perhaps right left first last next new
        neutral old same different
        # Technical idioms whose words would otherwise read as feelings.
        neutral how_it_works how_this_works how_that_works how_everything_works works_by kill_the_process
        neutral killed_the_process kill_process kill_it kill_switch dead_code

        # "but"-like: the message's last such marker halves what came before it and weighs what follows ×1.5.
        contrast but however nevertheless nonetheless that_said having_said_that even_so
        # "although"-like: the clause they open (up to the next , ; . ! ? or line break) counts half.
        concede although though even_though despite in_spite_of

        # Formulas: thanks, apologies, welcomes, greetings and (dis)agreement are said afresh at each turn, so saying
        # them again and again is no sign of a subject: TopicDamping never counts them less. Only forms with a valence.
        formula thanks thx thanx thnx thankyou thanked thanking cheers thank thank_you thanks_again many_thanks
        formula thanks_so_much thanks_a_lot much_appreciated tysm tyvm thank_you_very_much thank_you_so_much
        formula thanks_a_million appreciat{e,es,ed,ing,ion} happy_to_help glad_to_help glad_i_could_help happy_to_assist
        formula my_pleasure you're_welcome youre_welcome welcome_back best_regards kind_regards warm_regards all_the_best
        formula good_morning good_afternoon good_evening good_night
        formula sorry apolog{y,ies,ize,izes,ized,ise,ises,ised} my_apologies sorry_for_the_inconvenience
        formula sorry_for_any_inconvenience apologies_for_the_inconvenience apologize_for_the_inconvenience
        formula agree{,d,s} disagree{,d,s}

        # Sarcasm cues (see MessageSentimentScorer): a prone positive word right after a lead ("oh great", "just
        # perfect") or followed within two tokens by "another"/"again" ("great, another outage"); "love how/when …"
        # followed by something negative; and phrases that are sarcastic on their own.
        sarcasm-prone great wonderful fantastic perfect lovely brilliant awesome nice terrific marvelous marvellous splendid
        sarcasm-prone fabulous excellent amazing superb fun
        sarcasm-lead oh just gee ooh
        sarcasm-follow another again
        sarcasm-love love loves loving
        sarcasm-love-follow how when
        sarcasm-phrase yeah_right thanks_for_nothing what_a_surprise how_convenient color_me_surprised colour_me_surprised
        """;
}
