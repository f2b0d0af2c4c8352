#include "answertext.h"

#include "index/itemanswer.h"

namespace vse::gui {

QString AnswerText::forItem(const Item &item, const QString &releaseLabel)
{
    ItemAnswer::Context context;
    context.releaseLabel = releaseLabel;
    return ItemAnswer::of(item, context).toText();
}

} // namespace vse::gui
