package biblio

// accents maps a LaTeX accent command to pairs of a base letter and the
// precomposed letter it makes: "eé" under "'" means \'e is é. The table
// is the NFC composition of each ASCII letter with the accent's combining
// mark, generated with Python's unicodedata.
var accents = map[string]string{
	"'": "aácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzźAÁCĆEÉGǴIÍKḰLĹMḾNŃOÓPṔRŔSŚUÚWẂYÝZŹ",
	"`": "aàeèiìnǹoòuùwẁyỳAÀEÈIÌNǸOÒUÙWẀYỲ",
	"^": "aâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑAÂCĈEÊGĜHĤIÎJĴOÔSŜUÛWŴYŶZẐ",
	`"`: "aäeëhḧiïoötẗuüwẅxẍyÿAÄEËHḦIÏOÖUÜWẄXẌYŸ",
	"~": "aãeẽiĩnñoõuũvṽyỹAÃEẼIĨNÑOÕUŨVṼYỸ",
	"=": "aāeēgḡiīoōuūyȳAĀEĒGḠIĪOŌUŪYȲ",
	".": "aȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzżAȦBḂCĊDḊEĖFḞGĠHḢIİMṀNṄOȮPṖRṘSṠTṪWẆXẊYẎZŻ",
	"u": "aăeĕgğiĭoŏuŭAĂEĔGĞIĬOŎUŬ",
	"v": "aǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzžAǍCČDĎEĚGǦHȞIǏKǨLĽNŇOǑRŘSŠTŤUǓZŽ",
	"H": "oőuűOŐUŰ",
	"c": "cçdḑeȩgģhḩkķlļnņrŗsştţCÇDḐEȨGĢHḨKĶLĻNŅRŖSŞTŢ",
	"k": "aąeęiįoǫuųAĄEĘIĮOǪUŲ",
	"r": "aåuůwẘyẙAÅUŮ",
	"d": "aạbḅdḍeẹhḥiịkḳlḷmṃnṇoọrṛsṣtṭuụvṿwẉyỵzẓAẠBḄDḌEẸHḤIỊKḲLḶMṂNṆOỌRṚSṢTṬUỤVṾWẈYỴZẒ",
}
