import { IsText } from '../../common/validation/decorators.js';

export class UploadAttachmentQuery {
  @IsText(200, 'The file name as the person knows it, e.g. "Giấy chứng nhận VietGAP.pdf"') fileName: string;
}
